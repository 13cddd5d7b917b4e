module github.com/tickerwire/tickerwire

go 1.26
