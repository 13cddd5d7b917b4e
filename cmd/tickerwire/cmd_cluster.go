package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/jsonl"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/story"
)

func init() {
	register(&command{
		Name:    "cluster",
		Summary: "group JSON Lines articles into stories, online, in arrival order",
		Help: `Usage: tickerwire cluster [flags] [FILE]

Reads JSON Lines {"id", "title"?, "text"?, "published"?, "source"?} from FILE or
standard input, in arrival order, and writes {"id", "story"} for each line, in
input order. Each article is decided when it arrives, as the server does: it
joins the most similar open story or starts a new one, whose id is the id of
its first article. Without "published", arrival order stands for time; stories
with no article within --window are closed. A bad line gets {"id", "error"}
and the run goes on.

With --annotate each article is annotated first (companies with listings,
event types), as the server does before clustering; that uses the security
master stored under --data, or the embedded default, and never creates the
data directory.`,
		Run: runCluster,
	})
}

type clusterInput struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Published string          `json:"published"`
}

type clusterOutput struct {
	Story string `json:"story"`
}

func runCluster(env *Env, args []string) error {
	fs := env.FlagSet("cluster")
	cfg := story.DefaultConfig()
	fs.DurationVar(&cfg.Window, "window", cfg.Window, "a story closes when no article joined it for this long")
	fs.IntVar(&cfg.MaxArticles, "max-articles", cfg.MaxArticles, "the most articles kept open in the window")
	withAnnotations := fs.Bool("annotate", false, "annotate each article and cluster with its companies and event types")
	data := fs.String("data", defaultDataDir, "data directory holding the imported security master (with --annotate)")
	ref := fs.String("reference", "", "import the security-master reference files in this directory first (with --annotate)")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	var annotator *annotate.Annotator
	if *withAnnotations {
		m, err := loadMaster(env, *data, *ref)
		if err != nil {
			return err
		}
		annotator = pipeline.New(m)
	}
	in, closeIn, err := env.Input(fs.Args())
	if err != nil {
		return err
	}
	defer closeIn()
	c := story.NewClusterer(cfg)
	// One worker: every article is decided in arrival order.
	stats, err := jsonl.Process(in, env.Stdout, 1, func(line []byte) (any, error) {
		var x clusterInput
		if err := json.Unmarshal(line, &x); err != nil {
			return nil, fmt.Errorf("bad input: %v", err)
		}
		id, err := articleID(x.ID)
		if err != nil {
			return nil, err
		}
		d := story.Doc{ID: id, Title: x.Title, Text: x.Text, Published: parseTime(x.Published)}
		if annotator != nil {
			ad := annotate.NewDocument(x.Title, x.Text)
			ad.Published = d.Published
			d.Companies, d.Events = storyFeatures(annotator.Annotate(ad))
		}
		return clusterOutput{Story: c.Assign(d).Story}, nil
	})
	st := c.Stats()
	env.Log.Debug("clustered", "lines", stats.Lines, "errors", stats.Errors, "open_stories", st.Stories, "open_articles", st.Articles)
	return err
}

// articleID is the text of a JSON id, a string or a number.
func articleID(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return "", fmt.Errorf("empty id")
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("missing id: want a string or a number")
	}
	return n.String(), nil
}

// storyFeatures are the annotations the clusterer uses: the primary listing
// key of each company and the event types.
func storyFeatures(a news.Annotation) (companies, events []string) {
	for _, c := range a.Companies {
		if l := c.PrimaryListing(); l.Symbol != "" {
			companies = append(companies, l.Key())
		}
	}
	for _, e := range a.Events {
		events = append(events, e.Type)
	}
	return companies, events
}
