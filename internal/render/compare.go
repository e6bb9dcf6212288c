package render

import (
	"sort"
	"strconv"
)

// themesPerTable keeps each count table narrow enough for a small screen.
const themesPerTable = 4

func (r *run) comparePage(p *pageSpec) *ComparePage {
	s := r.s
	areas := s.KnownAreas()
	d := &ComparePage{Frame: r.frame(p, p.Title, p.Crumbs), Areas: len(areas), Ratings: r.ratingsTable(areas),
		RatingWords: s.Config.Ratings, Recurring: r.recurring()}
	for _, a := range areas {
		if a.Rated != nil && a.Rated.Date != "" {
			if d.FirstDate == "" || a.Rated.Date < d.FirstDate {
				d.FirstDate = a.Rated.Date
			}
			if a.Rated.Date > d.LatestDate {
				d.LatestDate = a.Rated.Date
			}
		}
	}
	d.Distribution = ratingDistribution(s, areas)
	d.RatingsChart = ratingsChart(d.Distribution, len(areas), "chart-ratings")
	d.ThemesChart = themesChart(d.Recurring, len(s.Config.Areas), "chart-themes")
	for i := 0; i < len(s.Themes); i += themesPerTable {
		ts := s.Themes[i:min(i+themesPerTable, len(s.Themes))]
		tt := CountTable{ID: "counts-" + strconv.Itoa(i/themesPerTable+1), Totals: make([]int, len(ts)+1)}
		for _, t := range ts {
			tt.Themes = append(tt.Themes, t.Title)
		}
		for _, a := range areas {
			row := CountRow{Area: a.Name, URL: r.urls.rel("/areas/" + a.Slug + "/"), Counts: make([]int, len(ts)), Links: make([]string, len(ts))}
			for j, t := range ts {
				row.Counts[j] = a.Count(t)
				if row.Counts[j] > 0 {
					row.Links[j] = r.urls.rel(themeAnchor(s, r.l, t.Slug, a.Slug))
				}
				row.Total += row.Counts[j]
				tt.Totals[j] += row.Counts[j]
			}
			tt.Totals[len(ts)] += row.Total
			tt.Rows = append(tt.Rows, row)
		}
		d.Tables = append(d.Tables, tt)
	}
	for _, rp := range s.Repeats {
		x := Repeat{Theme: Link{rp.Theme.Title, r.urls.rel("/themes/" + rp.Theme.Slug + "/")}}
		for _, a := range rp.Areas {
			x.Areas = append(x.Areas, Link{a.Name, r.urls.rel("/areas/" + a.Slug + "/#progress")})
		}
		d.Repeats = append(d.Repeats, x)
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
