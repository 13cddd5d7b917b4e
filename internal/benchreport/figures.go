package benchreport

import "math"

// Figures are tickerwire's performance figures, their peers and targets
// (issue 10). The benchmark names are those of internal/bench,
// internal/extract, internal/story and `tickerwire bench load`.
var Figures = []Figure{
	{Name: "annotate, 1 core (CPU time)", Ours: Metric{"BenchmarkAnnotate", "words/cpu-s"},
		PeerName: "prose v2 NER", Peer: Metric{"BenchmarkAnnotatePeerProse", "words/cpu-s"},
		Goal: "≥ 20× prose", Target: func(o, p float64) bool { return o >= 20*p }},
	{Name: "annotate, 1 core (CPU time)", Ours: Metric{"BenchmarkAnnotate", "articles/cpu-s"},
		PeerName: "prose v2 NER", Peer: Metric{"BenchmarkAnnotatePeerProse", "articles/cpu-s"}},
	{Name: "annotate, 1 core (wall)", Ours: Metric{"BenchmarkAnnotate", "words/s"},
		PeerName: "prose v2 NER", Peer: Metric{"BenchmarkAnnotatePeerProse", "words/s"}},
	{Name: "extract, 1 core (CPU time)", Ours: Metric{"BenchmarkExtract", "pages/cpu-s"},
		PeerName: "go-trafilatura", Peer: Metric{"BenchmarkPeerTrafilatura", "pages/cpu-s"},
		Goal: "time ≤ 1.5× the faster of trafilatura, readability", Target: withinOneAndAHalf},
	{Name: "extract, 1 core (CPU time)", Ours: Metric{"BenchmarkExtract", "pages/cpu-s"},
		PeerName: "go-readability", Peer: Metric{"BenchmarkPeerReadability", "pages/cpu-s"},
		Goal: "time ≤ 1.5× the faster of trafilatura, readability", Target: withinOneAndAHalf},
	{Name: "extract, 1 core (CPU time)", Ours: Metric{"BenchmarkExtract", "pages/cpu-s"},
		PeerName: "html.Parse (floor)", Peer: Metric{"BenchmarkPeerHTMLParse", "pages/cpu-s"}},
	{Name: "extract body F1 (83 pages)", Ours: Metric{"BenchmarkExtractQuality", "body-F1"},
		Goal: "≥ 0.97", Target: func(o, _ float64) bool { return o >= 0.97 }},
	{Name: "cluster, full 72 h window", Ours: Metric{"BenchmarkAssign", "articles/s"}},
	{Name: "cluster, full 72 h window", Ours: Metric{"BenchmarkAssign", "window-articles"}},
	{Name: "cluster, full 72 h window", Ours: Metric{"BenchmarkAssign", "history-articles"}},
	{Name: "cluster, full 72 h window", Ours: Metric{"BenchmarkAssign", "heap-MiB"}},
	{Name: "ingest end to end, SQLite (wall)", Ours: Metric{"BenchmarkIngest", "articles/s"},
		Goal: "≥ 500/s", Target: func(o, _ float64) bool { return o >= 500 }},
	{Name: "ingest end to end, SQLite (CPU time)", Ours: Metric{"BenchmarkIngest", "articles/cpu-s"}},
	{Name: "search /v1/news/all", Ours: Metric{"BenchmarkSearch/*", "p50-ms"},
		PeerName: "Bleve v2", Peer: Metric{"BenchmarkSearchPeerBleve/*", "p50-ms"}},
	{Name: "search /v1/news/all (CPU per query)", Ours: Metric{"BenchmarkSearch/*", "cpu-ms/op"},
		PeerName: "Bleve v2", Peer: Metric{"BenchmarkSearchPeerBleve/*", "cpu-ms/op"}},
	{Name: "search /v1/news/all", Ours: Metric{"BenchmarkSearch/*", "p99-ms"},
		PeerName: "Bleve v2", Peer: Metric{"BenchmarkSearchPeerBleve/*", "p99-ms"},
		Goal: "≤ 50 ms (at 1M) and ≤ Bleve", Target: func(o, p float64) bool { return o <= 50 && !(o > p) }},
	{Name: "API load /v1/news/all?symbols=", Ours: Metric{"BenchmarkAPILoad/*", "req/s"},
		Goal: "≥ 3,000/s", Target: func(o, _ float64) bool { return o >= 3000 }},
	{Name: "API load /v1/news/all?symbols= (per server CPU second)", Ours: Metric{"BenchmarkAPILoad/*", "req/server-cpu-s"}},
	{Name: "API load /v1/news/all?symbols=", Ours: Metric{"BenchmarkAPILoad/*", "p99-ms"},
		Goal: "≤ 50 ms", Target: func(o, _ float64) bool { return o <= 50 }},
	{Name: "API load: articles pushed meanwhile (POST /v1/articles)", Ours: Metric{"BenchmarkAPILoad/*", "pushed/s"}},
	{Name: "serve peak RSS", Ours: Metric{"BenchmarkServeRSS/*", "peak-RSS-MB"},
		Goal: "≤ 500 MB at 1M articles", Target: func(o, _ float64) bool { return o <= 500 }, TargetFor: "1000000"},
}

// withinOneAndAHalf says whether our rate is at least the peer's divided by
// 1.5, that is whether our time per page is within 1.5× the peer's.
func withinOneAndAHalf(ours, peer float64) bool {
	return !math.IsNaN(peer) && ours*1.5 >= peer
}
