package render

import (
	"html/template"
	"sort"
	"strconv"

	"github.com/inspectsite/inspectsite/internal/site"
)

// compareData is the compare page: latest ratings, issue counts by theme
// and Area (split into tables of a few themes each, so no table is wider
// than a phone), and how widely each theme recurs.
type compareData struct {
	Areas      []*site.Area
	Tables     []themeTable
	Recurring  []site.Recurrence
	AreaCount  int
	FirstDate  string
	LatestDate string
	// The charts, and the distribution table beside the ratings chart.
	Distribution []ratingRow
	RatingsChart template.HTML
	ThemesChart  template.HTML
	Repeats      []site.Repeat
}

// themeTable counts issues for a few themes, Areas as rows, with totals.
type themeTable struct {
	ID     string
	Themes []*site.Theme
	Rows   []themeRow
	Totals []int // per theme, then the grand total
}

type themeRow struct {
	Area   *site.Area
	Counts []int
	Total  int
}

// themesPerTable keeps each count table narrow enough for a small screen.
const themesPerTable = 4

func compare(s *site.Site) compareData {
	d := compareData{Areas: s.KnownAreas(), Recurring: s.Recurring(), Repeats: s.Repeats}
	for _, a := range d.Areas {
		if len(a.Reports) > 0 {
			d.AreaCount++
		}
		if a.Rated != nil && a.Rated.Date != "" {
			if d.FirstDate == "" || a.Rated.Date < d.FirstDate {
				d.FirstDate = a.Rated.Date
			}
			if a.Rated.Date > d.LatestDate {
				d.LatestDate = a.Rated.Date
			}
		}
	}
	d.Distribution = ratingDistribution(s, d.Areas)
	d.RatingsChart = ratingsChart(d.Distribution, len(d.Areas), "chart-ratings")
	d.ThemesChart = themesChart(d.Recurring, len(s.Config.Areas), "chart-themes")
	for i := 0; i < len(s.Themes); i += themesPerTable {
		ts := s.Themes[i:min(i+themesPerTable, len(s.Themes))]
		tt := themeTable{ID: "counts-" + strconv.Itoa(i/themesPerTable+1), Themes: ts, Totals: make([]int, len(ts)+1)}
		for _, a := range d.Areas {
			row := themeRow{Area: a, Counts: make([]int, len(ts))}
			for j, t := range ts {
				row.Counts[j] = a.Count(t)
				row.Total += row.Counts[j]
				tt.Totals[j] += row.Counts[j]
			}
			tt.Totals[len(ts)] += row.Total
			tt.Rows = append(tt.Rows, row)
		}
		d.Tables = append(d.Tables, tt)
	}
	return d
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
