package site

import (
	"sort"
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
)

// View says which inspections a comparison counts.
type View int

const (
	// LatestView counts each Area's latest inspection in the programme.
	LatestView View = iota
	// AllView counts every inspection in the programme.
	AllView
)

// Views are the views every comparison has, in the order pages show them.
var Views = []View{LatestView, AllView}

// Slug names the view in URLs and file names: "latest" or "all".
func (v View) Slug() string {
	if v == AllView {
		return "all"
	}
	return "latest"
}

// Comparison counts one programme's inspections of the Areas under one
// view. Programmes are never counted together: each inspects against its
// own framework (as HMICFRS shows each PEEL cycle on its own).
type Comparison struct {
	Programme config.Programme
	View      View
	// Slug names the comparison in URLs and file names: "aap-latest".
	Slug string
	// Rows has every Area the site lists, in site order, including those
	// with no inspection in this programme.
	Rows []ComparisonRow
	// WithReport is how many Areas have an inspection in the programme:
	// the M of "N of the M Areas with a report in this programme".
	WithReport int
	// Inspections is how many inspections are counted.
	Inspections int
	// Unnumbered is how many counted inspections list no numbered issues,
	// and UnnumberedAreas how many Areas have only such inspections counted.
	Unnumbered      int
	UnnumberedAreas int
	// Themes tallies each theme, in site.toml order; Ranked is the same
	// tallies by Areas, then issues, then site.toml order.
	Themes []ThemeTally
	Ranked []ThemeTally
	Lead   Lead
	// Ratings tallies each criterion's rating words: Areas in the latest
	// view, inspections in the all view. Rated is how many Areas or
	// inspections state any rating.
	Ratings []RatingTally
	Rated   int
}

// ComparisonRow is one Area's counted inspections.
type ComparisonRow struct {
	Area *Area
	// Inspections are those counted, oldest first; none when the Area has
	// no inspection in the programme.
	Inspections []*Inspection
	// Counts holds the numbered issues per theme, in site.toml order.
	Counts []int
	Issues int
	// Unnumbered is true when the Area has inspections counted and none
	// lists numbered issues.
	Unnumbered bool
	// NarrativeThemes are the themes its counted inspections' narrative
	// discusses, in site.toml order.
	NarrativeThemes []*Theme
	// Ratings are the ratings of the latest inspection counted.
	Ratings map[string]string
}

// HasReport reports whether the Area has an inspection in the programme.
func (r ComparisonRow) HasReport() bool { return len(r.Inspections) > 0 }

// ThemeTally is how widely one theme was raised in a comparison.
type ThemeTally struct {
	Theme *Theme
	// Areas is the N of "N of the M Areas": Areas where a numbered issue
	// of a counted inspection raises the theme.
	Areas int
	// Issues and Inspections count the numbered issues and inspections
	// that raise it.
	Issues      int
	Inspections int
	// NarrativeAreas counts the Areas with no numbered issues counted
	// whose narrative discusses the theme.
	NarrativeAreas int
}

// Lead is the theme or themes raised in the most Areas.
type Lead struct {
	// Themes are all the themes raised in the most Areas, in site.toml
	// order; more than one is a tie. Empty when no theme was raised.
	Themes []*Theme
	Areas  int
}

// Leader is the one theme raised in more Areas than any other, or nil on a
// tie or when none was raised: a headline names a leader only when there
// is one.
func (l Lead) Leader() *Theme {
	if len(l.Themes) == 1 {
		return l.Themes[0]
	}
	return nil
}

// Tied reports whether two or more themes share the most Areas.
func (l Lead) Tied() bool { return len(l.Themes) > 1 }

// RatingTally counts one criterion's rating words.
type RatingTally struct {
	Criterion config.Criterion
	// Counts holds, per rating word in site.toml order, how many Areas
	// (latest view) or inspections (all view) were given it.
	Counts []int
	// Rated is how many were rated on this criterion at all.
	Rated int
}

// UnknownProgramme stands for reports whose programme the text does not
// state; they are compared among themselves, never with a programme's.
var UnknownProgramme = config.Programme{ID: "unknown", Title: "Programme not stated"}

// buildComparisons makes a latest and an all comparison for every
// programme with at least one Area inspection, then for reports whose
// programme is not stated.
func (s *Site) buildComparisons() {
	areas := s.KnownAreas()
	for _, p := range s.programmeOrder() {
		for _, v := range Views {
			c := s.compare(p, v, areas)
			if c.WithReport > 0 {
				s.Comparisons = append(s.Comparisons, c)
			}
		}
	}
}

// programmeOrder is the configured programmes in the order of their first
// dated report (site.toml order among equals, undated ones last), then
// UnknownProgramme: the order readers meet them in time.
func (s *Site) programmeOrder() []config.Programme {
	progs := append([]config.Programme(nil), s.Config.Programmes...)
	first := map[string]string{}
	for _, r := range s.Reports {
		if d, ok := first[r.Programme]; r.Date != "" && (!ok || r.Date < d) {
			first[r.Programme] = r.Date
		}
	}
	sort.SliceStable(progs, func(i, j int) bool {
		a, b := first[progs[i].ID], first[progs[j].ID]
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return append(progs, UnknownProgramme)
}

// inProgramme reports whether an inspection belongs to programme p.
func (s *Site) inProgramme(in *Inspection, p config.Programme) bool {
	if p.ID == UnknownProgramme.ID {
		return in.Programme == "" || in.Programme == UnknownProgramme.ID || !s.knownProgramme(in.Programme)
	}
	return in.Programme == p.ID
}

func (s *Site) knownProgramme(id string) bool {
	for _, p := range s.Config.Programmes {
		if p.ID == id {
			return true
		}
	}
	return false
}

func (s *Site) compare(p config.Programme, v View, areas []*Area) *Comparison {
	c := &Comparison{Programme: p, View: v, Slug: strings.ToLower(p.ID) + "-" + v.Slug()}
	c.Themes = make([]ThemeTally, len(s.Themes))
	for i, t := range s.Themes {
		c.Themes[i].Theme = t
	}
	c.Ratings = make([]RatingTally, len(s.Config.Criteria))
	for i, cr := range s.Config.Criteria {
		c.Ratings[i] = RatingTally{Criterion: cr, Counts: make([]int, len(s.Config.Ratings))}
	}
	for _, a := range areas {
		row := ComparisonRow{Area: a, Counts: make([]int, len(s.Themes))}
		for _, in := range a.Inspections {
			if s.inProgramme(in, p) {
				row.Inspections = append(row.Inspections, in)
			}
		}
		if v == LatestView && len(row.Inspections) > 1 {
			row.Inspections = row.Inspections[len(row.Inspections)-1:]
		}
		if row.HasReport() {
			s.tallyRow(c, &row)
		}
		c.Rows = append(c.Rows, row)
	}
	c.Ranked = append([]ThemeTally(nil), c.Themes...)
	sort.SliceStable(c.Ranked, func(i, j int) bool {
		a, b := c.Ranked[i], c.Ranked[j]
		if a.Areas != b.Areas {
			return a.Areas > b.Areas
		}
		return a.Issues > b.Issues
	})
	for _, t := range c.Themes {
		switch {
		case t.Areas == 0:
		case t.Areas > c.Lead.Areas:
			c.Lead = Lead{Themes: []*Theme{t.Theme}, Areas: t.Areas}
		case t.Areas == c.Lead.Areas:
			c.Lead.Themes = append(c.Lead.Themes, t.Theme)
		}
	}
	return c
}

// tallyRow adds one Area's counted inspections to the comparison.
func (s *Site) tallyRow(c *Comparison, row *ComparisonRow) {
	c.WithReport++
	c.Inspections += len(row.Inspections)
	raised := make([]bool, len(s.Themes))
	narrative := make([]bool, len(s.Themes))
	row.Unnumbered = true
	for _, in := range row.Inspections {
		if in.Unnumbered() {
			c.Unnumbered++
		} else {
			row.Unnumbered = false
		}
		row.Issues += in.Issues
		for _, tc := range in.Themes {
			i := s.themeIndex[tc.Theme]
			row.Counts[i] += tc.Count
			raised[i] = true
			c.Themes[i].Issues += tc.Count
			c.Themes[i].Inspections++
		}
		for _, t := range in.NarrativeThemes {
			narrative[s.themeIndex[t]] = true
		}
		if c.View == AllView {
			s.tallyRatings(c, in.Ratings)
		}
	}
	latest := row.Inspections[len(row.Inspections)-1]
	row.Ratings = latest.Ratings
	if c.View == LatestView {
		s.tallyRatings(c, latest.Ratings)
	}
	if row.Unnumbered {
		c.UnnumberedAreas++
	}
	for i := range s.Themes {
		if raised[i] {
			c.Themes[i].Areas++
		}
		if narrative[i] {
			row.NarrativeThemes = append(row.NarrativeThemes, s.Themes[i])
			if row.Unnumbered {
				c.Themes[i].NarrativeAreas++
			}
		}
	}
}

func (s *Site) tallyRatings(c *Comparison, ratings map[string]string) {
	if len(ratings) == 0 {
		return
	}
	c.Rated++
	for i, cr := range s.Config.Criteria {
		if rank := s.Config.RatingRank(ratings[cr.Slug]); rank >= 0 {
			c.Ratings[i].Counts[rank]++
			c.Ratings[i].Rated++
		}
	}
}

// ComparisonsOf returns the programme's comparisons, latest view first.
func (s *Site) ComparisonsOf(programmeID string) []*Comparison {
	var out []*Comparison
	for _, c := range s.Comparisons {
		if c.Programme.ID == programmeID {
			out = append(out, c)
		}
	}
	return out
}
