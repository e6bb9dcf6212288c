package render

import (
	"strconv"

	"github.com/inspectsite/inspectsite/internal/site"
)

// Charts are SVG drawn at build time: no charting script. Their geometry is
// worked out here and drawn by the templates ("ratings-chart",
// "themes-chart"). Each is a role="img" labelled by a visible statement
// title and description, with meaning carried by text labels and fill
// patterns as well as colour, and always followed by a table of the same
// numbers.

// Chart is one chart's geometry, in the units of its viewBox. Numbers are
// strings, written as the chart needs them.
type Chart struct {
	ID            string // prefix of the ids of its title and description
	Width, Height int
	Legend        []Swatch
	Rows          []ChartRow
}

// Swatch is one legend entry: a square of fill pattern Fill at X, the
// label at TextX.
type Swatch struct {
	X, TextX string
	Fill     int
	Label    string
}

// ChartRow is one bar or stack of bars with its title at (LabelX, TextY),
// right-aligned; Value, when set, is written after the bars at ValueX.
type ChartRow struct {
	Label         string
	LabelX, TextY string
	Bars          []Bar
	Value, ValueX string
}

// Bar is one rectangle; Fill is its pattern (0: the plain bar colour).
// Label, when set, is centred on it at LabelX.
type Bar struct {
	X, Y, Width, Height string
	Fill                int
	Label, LabelX       string
}

const notRated = "Not rated"

func f0(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// ratingDistribution counts the Areas given each latest rating, by criterion.
func ratingDistribution(s *site.Site, areas []*site.Area) []Distribution {
	var rows []Distribution
	for _, c := range s.Config.Criteria {
		counts := map[string]int{}
		for _, a := range areas {
			v := ""
			if a.Rated != nil {
				v = a.Rated.Ratings[c.Slug]
			}
			if v == "" {
				v = notRated
			}
			counts[v]++
		}
		row := Distribution{Criterion: c.Title}
		for _, w := range append(append([]string{}, s.Config.Ratings...), notRated) {
			row.Counts = append(row.Counts, RatingCount{w, counts[w]})
		}
		rows = append(rows, row)
	}
	return rows
}

// ratingsChart draws one stacked bar per criterion: how many Areas got
// each rating. Segments are labelled with the rating's initial and count
// when they are wide enough; the legend and the table carry the rest.
func ratingsChart(rows []Distribution, areas int, id string) Chart {
	const left, width, barH, gap, top = 190.0, 400.0, 28.0, 14.0, 44.0
	c := Chart{ID: id, Width: int(left + width + 10), Height: int(top + float64(len(rows))*(barH+gap) + 10)}
	x := 0.0
	if len(rows) > 0 {
		for i, rc := range rows[0].Counts {
			c.Legend = append(c.Legend, Swatch{X: f0(x), TextX: f0(x + 20), Fill: i + 1, Label: rc.Rating})
			x += 26 + float64(len(rc.Rating))*8.2
		}
	}
	for r, row := range rows {
		y := top + float64(r)*(barH+gap)
		cr := ChartRow{Label: row.Criterion, LabelX: f0(left - 8), TextY: f0(y + barH/2 + 5)}
		x := left
		for i, rc := range row.Counts {
			if rc.Count == 0 || areas == 0 {
				continue
			}
			w := width * float64(rc.Count) / float64(areas)
			b := Bar{X: f1(x), Y: f0(y), Width: f1(w), Height: f0(barH), Fill: i + 1}
			label := rc.Rating[:1] + " " + strconv.Itoa(rc.Count)
			if rc.Rating == notRated {
				label = "– " + strconv.Itoa(rc.Count)
			}
			if w >= float64(len(label))*8+6 {
				b.Label, b.LabelX = label, f1(x+w/2)
			}
			cr.Bars = append(cr.Bars, b)
			x += w
		}
		c.Rows = append(c.Rows, cr)
	}
	return c
}

// themesChart draws one bar per theme: in how many Areas it was raised.
func themesChart(rec []ThemeReach, areas int, id string) Chart {
	const left, width, barH, gap = 250.0, 300.0, 20.0, 8.0
	c := Chart{ID: id, Width: int(left + width + 90), Height: int(float64(len(rec))*(barH+gap) + 4)}
	for i, r := range rec {
		y := float64(i) * (barH + gap)
		w := 0.0
		if areas > 0 {
			w = width * float64(r.Areas) / float64(areas)
		}
		c.Rows = append(c.Rows, ChartRow{Label: r.Text, LabelX: f0(left - 8), TextY: f0(y + barH/2 + 5),
			Bars:  []Bar{{X: f0(left), Y: f0(y), Width: f1(w), Height: f0(barH)}},
			Value: strconv.Itoa(r.Areas) + " of " + strconv.Itoa(areas), ValueX: f1(left + w + 6)})
	}
	return c
}
