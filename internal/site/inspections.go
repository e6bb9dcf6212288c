package site

import (
	"github.com/inspectsite/inspectsite/internal/report"
)

// Inspection is one inspection of one Area: the documents about the same
// visit (a CPS response and an HMCPSI summary published the same day)
// taken together, so that comparisons count the inspection once.
// Documents of the same Area and programme with the same date are one
// inspection; an undated document is an inspection of its own.
type Inspection struct {
	Area      *Area
	Programme string
	Date      string
	Reports   []*report.Report // in site order
	// Issues is the number of numbered issues: the longest list among the
	// documents, since a summary and a response list the same issues.
	Issues int
	// Themes are the themes its numbered issues raise, with how many
	// issues raise each, in site.toml order.
	Themes []ThemeCount
	// NarrativeThemes are the themes its documents' narrative text
	// discusses, in site.toml order.
	NarrativeThemes []*Theme
	// Ratings is criterion slug to rating word, from the first document
	// that states each.
	Ratings map[string]string
}

// Unnumbered reports whether none of the inspection's documents lists
// numbered issues: it raised no issues in that form, which is not the same
// as raising no problems.
func (in *Inspection) Unnumbered() bool { return in.Issues == 0 }

// Raises reports how many numbered issues of theme t the inspection has.
func (in *Inspection) Raises(t *Theme) int {
	for _, tc := range in.Themes {
		if tc.Theme == t {
			return tc.Count
		}
	}
	return 0
}

// Discusses reports whether the inspection's narrative discusses t.
func (in *Inspection) Discusses(t *Theme) bool {
	for _, nt := range in.NarrativeThemes {
		if nt == t {
			return true
		}
	}
	return false
}

// Rated reports whether the inspection states any rating.
func (in *Inspection) Rated() bool { return len(in.Ratings) > 0 }

// narrativeThemes is where the site reads a report's narrative themes.
func narrativeThemes(r *report.Report) []string { return r.NarrativeThemes }

// NarrativeThemesOf are the themes a report's narrative discusses, in
// site.toml order.
func (s *Site) NarrativeThemesOf(r *report.Report) []*Theme {
	var out []*Theme
	for _, t := range s.Themes {
		for _, slug := range narrativeThemes(r) {
			if slug == t.Slug {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// buildInspections groups each Area's reports (already oldest first) into
// inspections.
func (s *Site) buildInspections() {
	for _, a := range s.Areas {
		byKey := map[string]*Inspection{}
		for _, r := range a.Reports {
			key := r.Programme + "\x00" + r.Date
			in := byKey[key]
			if in == nil || r.Date == "" {
				in = &Inspection{Area: a, Programme: r.Programme, Date: r.Date}
				a.Inspections = append(a.Inspections, in)
				byKey[key] = in
			}
			in.Reports = append(in.Reports, r)
		}
		for _, in := range a.Inspections {
			s.summarise(in)
		}
	}
}

// summarise fills in the inspection's counts from its documents.
func (s *Site) summarise(in *Inspection) {
	counts := make([]int, len(s.Themes))
	narrative := make([]bool, len(s.Themes))
	for _, r := range in.Reports {
		if len(r.Issues) > in.Issues {
			in.Issues = len(r.Issues)
			clear(counts)
			for _, is := range r.Issues {
				for _, slug := range is.Themes {
					if t := s.themeBySlug[slug]; t != nil {
						counts[s.themeIndex[t]]++
					}
				}
			}
		}
		for _, slug := range narrativeThemes(r) {
			if t := s.themeBySlug[slug]; t != nil {
				narrative[s.themeIndex[t]] = true
			}
		}
		for k, v := range r.Ratings {
			if _, ok := in.Ratings[k]; !ok {
				if in.Ratings == nil {
					in.Ratings = map[string]string{}
				}
				in.Ratings[k] = v
			}
		}
	}
	for i, n := range counts {
		if n > 0 {
			in.Themes = append(in.Themes, ThemeCount{s.Themes[i], n})
		}
		if narrative[i] {
			in.NarrativeThemes = append(in.NarrativeThemes, s.Themes[i])
		}
	}
}
