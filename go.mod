module github.com/tickerwire/tickerwire

go 1.26

require github.com/kljensen/snowball v0.10.0
