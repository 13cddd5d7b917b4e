package entities

import (
	"bytes"
	_ "embed"
)

//go:generate go run ./gencountries -in ../../../../shared/data/reference/iso-country-currency/country-codes.csv -out countries.tsv
//go:generate go run ./train -conll ../../../../shared/data/eval/conll2003/train.txt -out model.bin.gz

// model.bin.gz is the tagger trained on the CoNLL-2003 English training split
// (Reuters RCV1 text, Reuters research terms) by ./train.
//
//go:embed model.bin.gz
var modelFile []byte

func loadModel() (*model, error) { return readModel(bytes.NewReader(modelFile)) }
