package render

import (
	"strconv"
	"strings"
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
	X, Y, TextX, TextY string
	Fill               int
	Label              string
}

// ChartRow is one bar or stack of bars with its title at (LabelX, TextY)
// above it.
type ChartRow struct {
	Label         string
	LabelX, TextY string
	Bars          []Bar
	// BarTextY is the baseline of the labels on the bars.
	BarTextY string
	// Value, when set, is a line of text at (ValueX, ValueY).
	Value, ValueX, ValueY string
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

// The charts are drawn narrow (chartWidth units across) with each label
// on its own line above its bar, so that on a 375 px phone, where the
// chart is drawn about as wide as its viewBox, text stays at least 12 CSS
// px; the stylesheet caps how wide it grows on larger screens.
const chartWidth = 340.0

// ratingsChart draws one stacked bar per criterion: how many of units
// (Areas or inspections) got each rating. A segment wide enough carries
// its rating's initial and count; below each bar a line lists every
// count in words, so a narrow segment is never left unsaid.
func ratingsChart(rows []Distribution, units int, id string) Chart {
	const barH, rowH, top = 26.0, 86.0, 56.0
	c := Chart{ID: id, Width: int(chartWidth), Height: int(top + float64(len(rows))*rowH)}
	if len(rows) > 0 {
		x, y := 0.0, 6.0
		for i, rc := range rows[0].Counts {
			w := 26 + float64(len(rc.Rating))*8.2
			if x+w > chartWidth {
				x, y = 0, y+24
			}
			c.Legend = append(c.Legend, Swatch{X: f0(x), Y: f0(y), TextX: f0(x + 20), TextY: f0(y + 13), Fill: i + 1, Label: rc.Rating})
			x += w
		}
	}
	for r, row := range rows {
		y := top + float64(r)*rowH
		cr := ChartRow{Label: row.Criterion, LabelX: "0", TextY: f0(y + 14)}
		barY := y + 22
		x := 0.0
		var said []string
		for i, rc := range row.Counts {
			if rc.Count == 0 || units == 0 {
				continue
			}
			said = append(said, strconv.Itoa(rc.Count)+" "+rc.Rating)
			w := chartWidth * float64(rc.Count) / float64(units)
			b := Bar{X: f1(x), Y: f0(barY), Width: f1(w), Height: f0(barH), Fill: i + 1}
			label := strconv.Itoa(rc.Count)
			if w >= float64(len(label))*8+6 {
				b.Label, b.LabelX = label, f1(x+w/2)
			}
			cr.Bars = append(cr.Bars, b)
			x += w
		}
		cr.Value, cr.ValueX, cr.ValueY = strings.Join(said, ", "), "0", f0(barY+barH+18)
		cr.BarTextY = f0(barY + barH/2 + 5)
		c.Rows = append(c.Rows, cr)
	}
	return c
}

// themesChart draws one bar per theme: in how many of the areas Areas it
// was raised, the count written after the theme's name.
func themesChart(rows []ThemeRow, areas int, id string) Chart {
	const barH, rowH = 16.0, 44.0
	c := Chart{ID: id, Width: int(chartWidth), Height: int(float64(len(rows))*rowH + 4)}
	for i, t := range rows {
		y := float64(i) * rowH
		w := 0.0
		if areas > 0 {
			w = chartWidth * float64(t.Areas) / float64(areas)
		}
		c.Rows = append(c.Rows, ChartRow{Label: t.Text + ": " + strconv.Itoa(t.Areas) + " of " + strconv.Itoa(areas), LabelX: "0", TextY: f0(y + 15),
			Bars: []Bar{{X: "0", Y: f0(y + 21), Width: f1(w), Height: f0(barH)}}})
	}
	return c
}
