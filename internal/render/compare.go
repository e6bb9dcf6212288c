package render

import (
	"sort"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite/internal/site"
)

// themesPerTable keeps each count table narrow enough for a small screen.
const themesPerTable = 4

// comparePage is /compare/ (each Area's latest inspection) or
// /compare/all/ (every inspection): one section per programme, never
// adding one programme's counts to another's.
func (r *run) comparePage(p *pageSpec) *ComparePage {
	view := p.Data.(site.View)
	u := r.urls
	d := &ComparePage{Frame: r.frame(p, p.Title, p.Crumbs), Latest: view == site.LatestView, RatingsURL: u.rel("/ratings/"),
		LatestURL: u.rel("/compare/"), AllURL: u.rel("/compare/all/"), RatingWords: r.s.Config.Ratings}
	for _, c := range r.s.Comparisons {
		if c.View == view {
			d.Programmes = append(d.Programmes, r.programmeView(c))
		}
	}
	for _, ra := range r.s.RaisedAgain {
		if ra.View == view {
			d.RaisedAgain = r.raisedAgain(ra)
		}
	}
	d.Data = u.rel("/data/#compare-files")
	return d
}

func (r *run) themeLink(t *site.Theme) Link {
	return Link{t.Title, r.urls.rel("/themes/" + t.Slug + "/")}
}

func (r *run) programmeView(c *site.Comparison) ProgrammeView {
	s, u := r.s, r.urls
	id := strings.TrimSuffix(c.Slug, "-"+c.View.Slug())
	pv := ProgrammeView{ID: id, Title: c.Programme.Title, Description: c.Programme.Description,
		WithReport: c.WithReport, AreaCount: len(c.Rows), Inspections: c.Inspections,
		Unnumbered: c.Unnumbered, UnnumberedAreas: c.UnnumberedAreas, LeadAreas: c.Lead.Areas, Tied: c.Lead.Tied(),
		CSV: u.rel("/data/compare-themes.csv")}
	for _, t := range c.Lead.Themes {
		pv.Lead = append(pv.Lead, r.themeLink(t))
	}
	for _, t := range c.Ranked {
		if t.Areas == 0 && t.NarrativeAreas == 0 {
			continue
		}
		pv.Themes = append(pv.Themes, ThemeRow{Link: r.themeLink(t.Theme), Areas: t.Areas, Issues: t.Issues, NarrativeAreas: t.NarrativeAreas})
	}
	pv.ThemesChart = themesChart(pv.Themes, c.WithReport, "chart-themes-"+id)
	units := c.WithReport
	if c.View == site.AllView {
		units = c.Inspections
	}
	if c.Rated > 0 {
		pv.Rated = true
		for _, rt := range c.Ratings {
			row := Distribution{Criterion: rt.Criterion.Title}
			for i, w := range s.Config.Ratings {
				row.Counts = append(row.Counts, RatingCount{w, rt.Counts[i]})
			}
			row.Counts = append(row.Counts, RatingCount{notRated, units - rt.Rated})
			pv.Distribution = append(pv.Distribution, row)
		}
		pv.RatingsChart = ratingsChart(pv.Distribution, units, "chart-ratings-"+id)
	}
	for _, cr := range s.Config.Criteria {
		pv.Criteria = append(pv.Criteria, cr.Title)
	}
	for _, row := range c.Rows {
		if !row.HasReport() {
			pv.Missing = append(pv.Missing, Link{"CPS " + row.Area.Name, u.rel("/areas/" + row.Area.Slug + "/")})
			continue
		}
		for i, in := range row.Inspections {
			if c.View == site.LatestView && i < len(row.Inspections)-1 {
				continue
			}
			rr := RatedRow{Area: Link{row.Area.Name, u.rel("/areas/" + row.Area.Slug + "/")}, Report: r.views.report(in.Reports[0])}
			for _, cr := range s.Config.Criteria {
				rr.Ratings = append(rr.Ratings, in.Ratings[cr.Slug])
			}
			pv.RatingRows = append(pv.RatingRows, rr)
		}
	}
	for i := 0; i < len(s.Themes); i += themesPerTable {
		pv.Tables = append(pv.Tables, r.countTable(c, id, i))
	}
	return pv
}

// countTable counts the issues of a few themes, Areas with a report in the
// programme as rows.
func (r *run) countTable(c *site.Comparison, id string, from int) CountTable {
	ts := r.s.Themes[from:min(from+themesPerTable, len(r.s.Themes))]
	tt := CountTable{ID: id + "-counts-" + strconv.Itoa(from/themesPerTable+1), Totals: make([]int, len(ts)+1)}
	for _, t := range ts {
		tt.Themes = append(tt.Themes, t.Title)
	}
	for _, row := range c.Rows {
		if !row.HasReport() {
			continue
		}
		cr := CountRow{Area: row.Area.Name, URL: r.urls.rel("/areas/" + row.Area.Slug + "/"), Counts: make([]int, len(ts)), Links: make([]string, len(ts)),
			Unnumbered: row.Unnumbered, Inspections: len(row.Inspections)}
		for j, t := range ts {
			n := row.Counts[from+j]
			cr.Counts[j] = n
			if n > 0 {
				cr.Links[j] = r.urls.rel(themeAnchor(r.s, r.l, t.Slug, row.Area.Slug))
			}
			cr.Total += n
			tt.Totals[j] += n
		}
		tt.Totals[len(ts)] += cr.Total
		tt.Rows = append(tt.Rows, cr)
	}
	return tt
}

func (r *run) raisedAgain(ra site.RaisedAgain) RaisedAgainView {
	x := RaisedAgainView{Eligible: ra.Eligible, LeadAreas: ra.Lead.Areas, Tied: ra.Lead.Tied()}
	for _, t := range ra.Lead.Themes {
		x.Lead = append(x.Lead, r.themeLink(t))
	}
	for _, rep := range ra.Themes {
		row := RepeatRow{Theme: r.themeLink(rep.Theme), Areas: rep.Areas}
		for _, pr := range rep.Pairs {
			row.Pairs = append(row.Pairs, PairLink{Area: Link{"CPS " + pr.Later.Area.Name, r.urls.rel("/areas/" + pr.Later.Area.Slug + "/#history")},
				Earlier: r.views.report(pr.Earlier.Reports[0]), Later: r.views.report(pr.Later.Reports[0])})
		}
		x.Themes = append(x.Themes, row)
	}
	sort.SliceStable(x.Themes, func(i, j int) bool { return x.Themes[i].Areas > x.Themes[j].Areas })
	return x
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
