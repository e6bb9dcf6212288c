// Package site holds the site model: every report with its final id and URL,
// the Areas (all of them, with or without reports), the themes with their
// issues grouped by Area, and the cross-area comparisons. Everything is sorted
// here, once, so that rendering is a plain walk and output is deterministic.
//
// It must not read files or produce bytes; it only arranges reports.
package site

import (
	"fmt"
	"sort"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/report"
)

// Site is everything the pages and data files show.
type Site struct {
	Config  *config.Config
	Reports []*report.Report // by area slug, then date, then id
	Newest  []*report.Report // newest first; undated last
	Areas   []*Area          // the configured Areas in site.toml order, then unknown ones
	Themes  []*Theme         // in site.toml order
	// National holds reports about no single Area.
	National []*report.Report
	// Comparisons count each programme's inspections of the Areas, a
	// latest and an all view per programme, programmes in site.toml order.
	Comparisons []*Comparison
	// RaisedAgain has the themes raised again in an Area's next
	// inspection, a latest and an all view.
	RaisedAgain []RaisedAgain
	// ProgrammeLists and YearLists narrow the reports list, newest first:
	// programmes with reports in site.toml order, years newest first.
	ProgrammeLists []*ReportList
	YearLists      []*ReportList
	// Commitments arranges what the responses promise (commitments.go).
	Commitments *Commitments

	areaBySlug  map[string]*Area
	themeBySlug map[string]*Theme
	themeIndex  map[*Theme]int
	reportByID  map[string]*report.Report
}

// Area is one Area with its reports, oldest first.
type Area struct {
	Name    string
	Slug    string
	Known   bool // listed in site.toml
	Reports []*report.Report
	// Rated is the newest report that states any rating, or nil.
	Rated *report.Report
	// Themes counts this Area's issues per theme, in site.toml order,
	// themes with no issue left out.
	Themes []ThemeCount
	// Changes compares each report with the one before it, oldest first.
	Changes []Change
	// Issues counts the issues in all the Area's reports.
	Issues int
	// Inspections groups the reports by inspection, oldest first.
	Inspections []*Inspection
	// History is the Area's ratings over time.
	History RatingHistory
	// Shared are the responses given jointly with this Area that other
	// Areas' reports print.
	Shared []SharedResponses
}

// ThemeCount is how many issues of one theme an Area has.
type ThemeCount struct {
	Theme *Theme
	Count int
}

// Theme is one theme with its issues grouped by Area.
type Theme struct {
	config.Theme
	Groups     []*ThemeGroup // Areas with at least one issue, in Area order
	IssueCount int
}

// ThemeGroup is one Area's issues on one theme, oldest report first.
type ThemeGroup struct {
	Area  *Area
	Items []IssueRef
}

// IssueRef points at one issue of one report.
type IssueRef struct {
	Report *report.Report
	Issue  *report.Issue
}

// New arranges parsed reports into a site. It gives each report its final
// id and URL, and reports clashes as diagnostics.
func New(cfg *config.Config, reports []*report.Report) (*Site, []diag.Diagnostic) {
	s := &Site{Config: cfg, areaBySlug: map[string]*Area{}, themeBySlug: map[string]*Theme{}, themeIndex: map[*Theme]int{}, reportByID: map[string]*report.Report{}}
	ds := s.assignIDs(reports)
	s.Reports = append([]*report.Report(nil), reports...)
	sort.SliceStable(s.Reports, func(i, j int) bool {
		a, b := s.Reports[i], s.Reports[j]
		if a.AreaSlug != b.AreaSlug {
			return a.AreaSlug < b.AreaSlug
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
	s.Newest = append([]*report.Report(nil), s.Reports...)
	sort.SliceStable(s.Newest, func(i, j int) bool {
		a, b := s.Newest[i], s.Newest[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.ID < b.ID
	})
	s.buildAreas()
	s.buildThemes()
	s.buildProgress()
	s.buildInspections()
	s.buildComparisons()
	s.buildRaisedAgain()
	s.buildHistory()
	s.buildShared()
	s.buildLists()
	s.buildCommitments()
	return s, ds
}

// assignIDs gives every report a unique id: <area-slug>-<date> when both are
// known, else its front-matter id or file name slug. Reports are visited in
// source order, so the same input always gives the same ids.
func (s *Site) assignIDs(reports []*report.Report) []diag.Diagnostic {
	var ds []diag.Diagnostic
	ordered := append([]*report.Report(nil), reports...)
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].Source < ordered[j].Source })
	for _, r := range ordered {
		base := r.ID
		if base == "" {
			if r.AreaSlug != "" && r.Date != "" {
				base = r.AreaSlug + "-" + r.Date
			} else {
				base = r.Slug
			}
		}
		base = report.Slugify(base)
		id := base
		for n := 2; s.reportByID[id] != nil; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		if id != base {
			other := s.reportByID[base]
			ds = append(ds, diag.Warnf(r.Source, 0, "same id %q as %s (same Area and date?); this one is %q", base, other.Source, id))
		}
		r.ID = id
		r.URL = "/reports/" + id + "/"
		s.reportByID[id] = r
	}
	return ds
}

// LastUpdated is the date of the newest dated document, "" when none is
// dated: how recent the site's content is, never the build's clock, so
// builds stay byte-identical.
func (s *Site) LastUpdated() string {
	if len(s.Newest) == 0 {
		return ""
	}
	return s.Newest[0].Date
}

// Area returns the Area with the slug, or nil.
func (s *Site) Area(slug string) *Area { return s.areaBySlug[slug] }

// Theme returns the theme with the slug, or nil.
func (s *Site) Theme(slug string) *Theme { return s.themeBySlug[slug] }

// Report returns the report with the id, or nil.
func (s *Site) Report(id string) *report.Report { return s.reportByID[id] }

func (s *Site) buildAreas() {
	for _, a := range s.Config.Areas {
		ar := &Area{Name: a.Name, Slug: a.Slug, Known: true}
		s.Areas = append(s.Areas, ar)
		s.areaBySlug[a.Slug] = ar
	}
	for _, r := range s.Reports { // already by area, then date
		if r.AreaSlug == "" {
			s.National = append(s.National, r)
			continue
		}
		ar := s.areaBySlug[r.AreaSlug]
		if ar == nil {
			ar = &Area{Name: r.Area, Slug: r.AreaSlug}
			s.Areas = append(s.Areas, ar)
			s.areaBySlug[r.AreaSlug] = ar
		}
		ar.Reports = append(ar.Reports, r)
		ar.Issues += len(r.Issues)
		if len(r.Ratings) > 0 && (ar.Rated == nil || r.Date >= ar.Rated.Date) {
			ar.Rated = r
		}
	}
}

func (s *Site) buildThemes() {
	index := map[string]int{}
	for i, t := range s.Config.Themes {
		th := &Theme{Theme: t}
		s.Themes = append(s.Themes, th)
		s.themeBySlug[t.Slug] = th
		s.themeIndex[th] = i
		index[t.Slug] = i
	}
	// One pass over all issues: each lands in its themes' Area groups.
	for _, ar := range s.allAreaGroups() {
		counts := make([]int, len(s.Themes))
		groups := make([]*ThemeGroup, len(s.Themes))
		for _, r := range ar.Reports {
			for i := range r.Issues {
				is := &r.Issues[i]
				for _, slug := range is.Themes {
					ti, ok := index[slug]
					if !ok {
						continue
					}
					if groups[ti] == nil {
						groups[ti] = &ThemeGroup{Area: ar}
						s.Themes[ti].Groups = append(s.Themes[ti].Groups, groups[ti])
					}
					groups[ti].Items = append(groups[ti].Items, IssueRef{r, is})
					s.Themes[ti].IssueCount++
					counts[ti]++
				}
			}
		}
		if ar.Slug == "" {
			continue
		}
		for ti, n := range counts {
			if n > 0 {
				ar.Themes = append(ar.Themes, ThemeCount{s.Themes[ti], n})
			}
		}
	}
}

// allAreaGroups is every Area, then a pseudo-Area for national reports.
func (s *Site) allAreaGroups() []*Area {
	out := append([]*Area(nil), s.Areas...)
	if len(s.National) > 0 {
		out = append(out, &Area{Name: "National and thematic", Reports: s.National})
	}
	return out
}
