package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/inspectsite/inspectsite/internal/site"
)

// Charts are SVG drawn at build time: no charting script. Each is a
// role="img" labelled by a visible statement title and description, with
// meaning carried by text labels and fill patterns as well as colour, and
// always followed by a table of the same numbers.

// ratingCount is how many Areas got one rating on one criterion.
type ratingCount struct {
	Rating string
	Count  int
}

// ratingRow is one criterion's distribution of latest ratings over Areas.
type ratingRow struct {
	Title  string
	Counts []ratingCount // in the order of site.toml's ratings, then "Not rated"
}

const notRated = "Not rated"

func ratingDistribution(s *site.Site, areas []*site.Area) []ratingRow {
	var rows []ratingRow
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
		row := ratingRow{Title: c.Title}
		for _, w := range append(append([]string{}, s.Config.Ratings...), notRated) {
			row.Counts = append(row.Counts, ratingCount{w, counts[w]})
		}
		rows = append(rows, row)
	}
	return rows
}

// patternDefs are the fills that tell ratings apart without colour.
const patternDefs = `<defs>` +
	`<pattern id="fill-1" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="pat-bg r1" width="8" height="8"/></pattern>` +
	`<pattern id="fill-2" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="pat-bg r2" width="8" height="8"/><rect class="pat-fg" width="2" height="8"/></pattern>` +
	`<pattern id="fill-3" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="pat-bg r3" width="8" height="8"/><circle class="pat-fg" cx="4" cy="4" r="1.6"/></pattern>` +
	`<pattern id="fill-4" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="pat-bg r4" width="8" height="8"/><path class="pat-line" d="M0 0L8 8M8 0L0 8"/></pattern>` +
	`<pattern id="fill-5" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="pat-bg r5" width="8" height="8"/></pattern>` +
	`</defs>`

// ratingsChart draws one stacked bar per criterion: how many Areas got
// each rating. Segments are labelled with the rating's initial and count
// when they are wide enough; the legend and the table carry the rest.
func ratingsChart(rows []ratingRow, areas int, id string) template.HTML {
	const left, width, barH, gap, top = 190.0, 400.0, 28.0, 14.0, 44.0
	height := top + float64(len(rows))*(barH+gap) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" focusable="false">`, int(left+width+10), int(height), id, id)
	b.WriteString(patternDefs)
	// Legend: a swatch and the word for every rating.
	x := 0.0
	if len(rows) > 0 {
		for i, c := range rows[0].Counts {
			fmt.Fprintf(&b, `<rect x="%.0f" y="6" width="16" height="16" fill="url(#fill-%d)" class="seg-edge"/><text x="%.0f" y="19" class="chart-text">%s</text>`, x, i+1, x+20, template.HTMLEscapeString(c.Rating))
			x += 26 + float64(len(c.Rating))*8.2
		}
	}
	for r, row := range rows {
		y := top + float64(r)*(barH+gap)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" class="chart-text" text-anchor="end">%s</text>`, left-8, y+barH/2+5, template.HTMLEscapeString(row.Title))
		x := left
		for i, c := range row.Counts {
			if c.Count == 0 || areas == 0 {
				continue
			}
			w := width * float64(c.Count) / float64(areas)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="%.0f" fill="url(#fill-%d)" class="seg-edge"/>`, x, y, w, barH, i+1)
			label := fmt.Sprintf("%s %d", c.Rating[:1], c.Count)
			if c.Rating == notRated {
				label = fmt.Sprintf("– %d", c.Count)
			}
			if w >= float64(len(label))*8+6 {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" class="chart-label" text-anchor="middle">%s</text>`, x+w/2, y+barH/2+5, template.HTMLEscapeString(label))
			}
			x += w
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// themesChart draws one bar per theme: in how many Areas it was raised.
func themesChart(rec []site.Recurrence, areas int, id string) template.HTML {
	const left, width, barH, gap = 250.0, 300.0, 20.0, 8.0
	height := float64(len(rec))*(barH+gap) + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" focusable="false">`, int(left+width+90), int(height), id, id)
	for i, r := range rec {
		y := float64(i) * (barH + gap)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" class="chart-text" text-anchor="end">%s</text>`, left-8, y+barH/2+5, template.HTMLEscapeString(r.Theme.Title))
		w := 0.0
		if areas > 0 {
			w = width * float64(r.Areas) / float64(areas)
		}
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.1f" height="%.0f" class="bar"/>`, left, y, w, barH)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" class="chart-text">%d of %d</text>`, left+w+6, y+barH/2+5, r.Areas, areas)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
