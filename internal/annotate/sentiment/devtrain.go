package sentiment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/devdata"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/text"
)

// Item is one labelled text of the development data: a Financial
// PhraseBank sentence or a SEntFiN headline with its entities.
type Item struct {
	ID       string
	Source   string // "phrasebank" or "sentfin"
	Agree    int    // PhraseBank: the share of annotators who agreed
	Text     string
	Label    string            // PhraseBank
	Entities map[string]string // SEntFiN: entity -> label
}

// Examples returns the training examples of the item: the sentence, or the
// text about each entity of the headline that the rules do not decide.
func (it Item) Examples() []Example {
	if it.Source == "phrasebank" {
		return []Example{{Text: it.Text, Label: it.Label, Domain: Sentence}}
	}
	return EntityExamples(it.Text, it.Entities)
}

// The development data, relative to the shared directory.
const (
	phraseBankFile = "data/eval/phrasebank-dev.jsonl"
	sentFiNFile    = "data/eval/sentfin-dev.jsonl"
	lexiconDir     = "data/reference/loughran-mcdonald"
)

// LoadDevData reads the named development sets ("phrasebank", "sentfin")
// from the shared directory, in file order.
func LoadDevData(shared string, sources ...string) ([]Item, error) {
	var items []Item
	for _, src := range sources {
		var path string
		switch src {
		case "phrasebank":
			path = phraseBankFile
		case "sentfin":
			path = sentFiNFile
		default:
			return nil, fmt.Errorf("unknown development data %q", src)
		}
		err := devdata.ReadJSONL(filepath.Join(shared, path), func(line []byte) error {
			var r struct {
				ID       string            `json:"id"`
				Text     string            `json:"text"`
				Label    string            `json:"label"`
				Agree    int               `json:"agree"`
				Entities map[string]string `json:"entities"`
			}
			if err := json.Unmarshal(line, &r); err != nil {
				return err
			}
			items = append(items, Item{ID: r.ID, Source: src, Agree: r.Agree, Text: r.Text, Label: r.Label, Entities: r.Entities})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return items, nil
}

// DevTrainOptions returns DefaultTrainOptions with the Loughran–McDonald
// lexicon of the shared directory.
func DevTrainOptions(shared string) (TrainOptions, error) {
	opt := DefaultTrainOptions()
	lex, err := LoadLexicon(filepath.Join(shared, lexiconDir))
	if err != nil {
		return opt, err
	}
	opt.Lexicon = lex
	return opt, nil
}

// TrainItems trains a model on the examples of the items.
func TrainItems(items []Item, opt TrainOptions) (*Model, error) {
	var exs []Example
	for _, it := range items {
		exs = append(exs, it.Examples()...)
	}
	return Train(exs, opt)
}

// TrainDev trains the committed model: both development sets of the shared
// directory with the default options. It is what `go generate` and
// `tickerwire train sentiment` run.
func TrainDev(shared string) (*Model, error) {
	opt, err := DevTrainOptions(shared)
	if err != nil {
		return nil, err
	}
	items, err := LoadDevData(shared, "phrasebank", "sentfin")
	if err != nil {
		return nil, err
	}
	return TrainItems(items, opt)
}

// Accuracy counts right answers.
type Accuracy struct{ Right, Total int }

// Value is the share of right answers.
func (a Accuracy) Value() float64 { return float64(a.Right) / float64(max(a.Total, 1)) }

func (a *Accuracy) count(ok bool) {
	a.Total++
	if ok {
		a.Right++
	}
}

// CrossValidate trains on all folds but one and measures the held-out one,
// for each of k folds (item i is in fold i%k), with the model encoded and
// decoded as it ships. PhraseBank sentences are classified alone; SEntFiN
// headlines run through the Step with their entities as companies. It
// returns accuracies by source (and "phrasebank-agree100") and writes the
// out-of-fold PhraseBank predictions to pred, when not nil, in
// score_sentiment.py's format.
func CrossValidate(items []Item, k int, opt TrainOptions, pred io.Writer) (map[string]*Accuracy, error) {
	acc := map[string]*Accuracy{}
	tally := func(key string, ok bool) {
		if acc[key] == nil {
			acc[key] = &Accuracy{}
		}
		acc[key].count(ok)
	}
	preds := make([][]byte, len(items))
	for fold := range k {
		var train []Item
		for i, it := range items {
			if i%k != fold {
				train = append(train, it)
			}
		}
		trained, err := TrainItems(train, opt)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := trained.Encode(&buf); err != nil {
			return nil, err
		}
		m, err := DecodeModel(&buf)
		if err != nil {
			return nil, err
		}
		step := New(m)
		for i, it := range items {
			if i%k != fold {
				continue
			}
			switch it.Source {
			case "phrasebank":
				got := m.Classify(it.Text, Sentence)
				tally(it.Source, got.Label == it.Label)
				if it.Agree == 100 {
					tally(it.Source+"-agree100", got.Label == it.Label)
				}
				preds[i], _ = json.Marshal(map[string]any{"id": it.ID, "sentiment": got})
			case "sentfin":
				d := EntityDocument(it.Text, it.Entities)
				step.Annotate(d)
				for _, c := range d.Ann.Companies {
					tally(it.Source, c.Sentiment.Label == it.Entities[c.Name])
				}
			}
		}
	}
	if pred != nil {
		for _, p := range preds {
			if p != nil {
				if _, err := pred.Write(append(p, '\n')); err != nil {
					return nil, err
				}
			}
		}
	}
	return acc, nil
}

// entitySpans finds each entity in the headline: where it is written, or
// else where it is written in another case. Names are returned sorted.
func entitySpans(headline string, entities map[string]string) ([]string, map[string]text.Span) {
	names := make([]string, 0, len(entities))
	spans := map[string]text.Span{}
	lower := strings.ToLower(headline)
	for name := range entities {
		names = append(names, name)
		if k := strings.Index(headline, name); k >= 0 {
			spans[name] = text.Span{Start: k, End: k + len(name)}
		} else if k := strings.Index(lower, strings.ToLower(name)); k >= 0 && len(lower) == len(headline) {
			spans[name] = text.Span{Start: k, End: k + len(name)}
		}
	}
	slices.Sort(names)
	return names, spans
}

// EntityDocument returns a headline as a document whose companies are the
// entities (sorted by name) with the mention where each is found.
func EntityDocument(headline string, entities map[string]string) *annotate.Document {
	d := annotate.NewDocument(headline, "")
	names, spans := entitySpans(headline, entities)
	for _, name := range names {
		c := news.Company{Name: name}
		if sp, ok := spans[name]; ok {
			c.Mentions = []news.Mention{{Start: sp.Start, End: sp.End, Text: headline[sp.Start:sp.End]}}
		}
		d.Ann.Companies = append(d.Ann.Companies, c)
	}
	return d
}

// EntityExamples returns, for each entity of a headline, the text about it
// (EntityText) labelled with its sentiment. Entities the rules decide (a
// broker rating a company) give none.
func EntityExamples(headline string, entities map[string]string) []Example {
	names, spans := entitySpans(headline, entities)
	whole := text.Span{Start: 0, End: len(headline)}
	var out []Example
	for _, name := range names {
		about := headline
		if sp, ok := spans[name]; ok {
			var others []text.Span
			for _, other := range names {
				if osp, ok := spans[other]; ok && other != name {
					others = append(others, osp)
				}
			}
			if IsAnalyst(headline, whole, sp, others) {
				continue
			}
			about = EntityText(headline, whole, sp, others)
		}
		out = append(out, Example{Text: about, Label: entities[name], Domain: Headline})
	}
	return out
}
