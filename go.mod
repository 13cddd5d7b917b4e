module github.com/tickerwire/tickerwire

go 1.26

require github.com/kljensen/snowball v0.10.0

require github.com/google/go-cmp v0.7.0 // indirect
