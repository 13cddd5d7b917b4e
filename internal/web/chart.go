package web

import (
	"fmt"
	"math"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// chart is a bar chart of one value per day, drawn as SVG by the
// chart template: the coordinates are computed here, in the viewBox's units.
type chart struct {
	Title         string
	Width, Height float64
	Left          float64 // x of the plot area's left edge
	Base          float64 // y of the baseline
	Top, Bottom   float64 // y of the plot area's top and bottom
	Bars          []bar
	TopLabel      string
	BottomLabel   string
	From, To      string // the first and last day
	Days          int    // days with data
}

// bar is one day's bar.
type bar struct {
	X, Y, W, H float64
	Class      string // pos, neg, neutral or volume
	Tip        string
}

// Chart geometry, in viewBox units.
const (
	chartDayWidth = 6.0
	chartHeight   = 120.0
	chartTop      = 8.0
	chartBottom   = 104.0
	chartLeft     = 34.0 // room for the value labels
)

// chartDays lists the days of [from, to), midnight UTC.
func chartDays(from, to time.Time) []time.Time {
	var out []time.Time
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// frame starts a chart over days.
func frame(title string, days []time.Time, stats []store.DayStat) (chart, map[time.Time]store.DayStat) {
	c := chart{Title: title, Width: chartLeft + float64(len(days))*chartDayWidth, Height: chartHeight,
		Left: chartLeft, Top: chartTop, Bottom: chartBottom, Days: len(stats)}
	if len(days) > 0 {
		c.From, c.To = days[0].Format("2 Jan 2006"), days[len(days)-1].Format("2 Jan 2006")
	}
	byDay := make(map[time.Time]store.DayStat, len(stats))
	for _, s := range stats {
		byDay[s.Day] = s
	}
	return c, byDay
}

// volumeChart draws the number of articles a day.
func volumeChart(days []time.Time, stats []store.DayStat) chart {
	c, byDay := frame("Articles a day", days, stats)
	c.Base = chartBottom
	peak := 1
	for _, s := range stats {
		peak = max(peak, s.Articles)
	}
	c.TopLabel, c.BottomLabel = fmt.Sprint(peak), "0"
	for i, d := range days {
		s, ok := byDay[d]
		if !ok {
			continue
		}
		h := math.Max(1, float64(s.Articles)/float64(peak)*(chartBottom-chartTop))
		c.Bars = append(c.Bars, bar{X: chartLeft + float64(i)*chartDayWidth + 0.5, Y: chartBottom - h, W: chartDayWidth - 1, H: h,
			Class: "volume", Tip: d.Format("2 Jan 2006") + ": " + articles(s.Articles)})
	}
	return c
}

// sentimentChart draws the average sentiment a day, up from the middle
// line when positive and down when negative.
func sentimentChart(days []time.Time, stats []store.DayStat) chart {
	c, byDay := frame("Average sentiment a day", days, stats)
	c.Base = (chartTop + chartBottom) / 2
	half := (chartBottom - chartTop) / 2
	c.TopLabel, c.BottomLabel = "+1", "−1"
	for i, d := range days {
		s, ok := byDay[d]
		if !ok {
			continue
		}
		v := math.Max(-1, math.Min(1, s.Sentiment))
		h := math.Max(1, math.Abs(v)*half)
		y := c.Base - h
		if v < 0 {
			y = c.Base
		}
		c.Bars = append(c.Bars, bar{X: chartLeft + float64(i)*chartDayWidth + 0.5, Y: y, W: chartDayWidth - 1, H: h,
			Class: news.SentimentOf(v).Label,
			Tip:   fmt.Sprintf("%s: %+.2f over %s", d.Format("2 Jan 2006"), v, articles(s.Articles))})
	}
	return c
}

// articles is "1 article" or "N articles".
func articles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprint(n) + " articles"
}
