package events

import (
	"encoding/json"
	"path/filepath"

	"github.com/tickerwire/tickerwire/internal/devdata"
	"github.com/tickerwire/tickerwire/internal/news"
)

// reutersFile is the Reuters-21578 ModApte training split, relative to the
// shared directory.
const reutersFile = "data/eval/reuters21578-modapte-train.jsonl"

// topicTypes maps Reuters topics to the event types the model learns.
var topicTypes = map[string]string{"earn": news.EventEarnings, "acq": news.EventMergerAcquisition}

// DevDoc is one Reuters article of the development data.
type DevDoc struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Text   string   `json:"text"`
	Topics []string `json:"topics"`
}

// Example returns the document as a training example: its topics become
// the learnt event types.
func (d DevDoc) Example() Example {
	e := Example{Title: d.Title, Text: d.Text}
	for _, t := range d.Topics {
		if typ, ok := topicTypes[t]; ok {
			e.Types = append(e.Types, typ)
		}
	}
	return e
}

// LoadDevDocs reads the Reuters ModApte training split from the shared
// directory, in file order.
func LoadDevDocs(shared string) ([]DevDoc, error) {
	var docs []DevDoc
	err := devdata.ReadJSONL(filepath.Join(shared, reutersFile), func(line []byte) error {
		var d DevDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// TrainDev trains the committed model on the Reuters ModApte training split
// of the shared directory with TrainOptions. It is what `go generate` and
// `tickerwire train events` run.
func TrainDev(shared string) (*Model, error) {
	docs, err := LoadDevDocs(shared)
	if err != nil {
		return nil, err
	}
	exs := make([]Example, len(docs))
	for i, d := range docs {
		exs[i] = d.Example()
	}
	return Train(exs, TrainOptions()), nil
}
