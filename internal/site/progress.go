package site

import (
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
)

// Change compares one inspection of an Area with the one before it.
type Change struct {
	Earlier, Later *report.Report
	// Repeated are the themes raised in both, in site.toml order.
	Repeated []*Theme
	// Ratings lists each criterion rated in both with a different rating.
	Ratings []RatingChange
	// Comparable is false when either report states no ratings.
	Comparable bool
}

// RatingChange is one criterion's rating in two inspections.
type RatingChange struct {
	Criterion config.Criterion
	From, To  string
}

// buildProgress compares every Area's consecutive reports (oldest first).
// Comparisons across Areas count inspections instead (see RaisedAgain).
func (s *Site) buildProgress() {
	themeIndex := map[string]int{}
	for i, t := range s.Themes {
		themeIndex[t.Slug] = i
	}
	for _, a := range s.Areas {
		var prevThemes []bool
		for i, r := range a.Reports {
			themes := make([]bool, len(s.Themes))
			for _, is := range r.Issues {
				for _, slug := range is.Themes {
					if ti, ok := themeIndex[slug]; ok {
						themes[ti] = true
					}
				}
			}
			if i > 0 {
				c := Change{Earlier: a.Reports[i-1], Later: r}
				for ti, ok := range themes {
					if ok && prevThemes[ti] {
						c.Repeated = append(c.Repeated, s.Themes[ti])
					}
				}
				c.Comparable = len(c.Earlier.Ratings) > 0 && len(r.Ratings) > 0
				for _, cr := range s.Config.Criteria {
					from, ok1 := c.Earlier.Ratings[cr.Slug]
					to, ok2 := r.Ratings[cr.Slug]
					if ok1 && ok2 && from != to {
						c.Ratings = append(c.Ratings, RatingChange{cr, from, to})
					}
				}
				a.Changes = append(a.Changes, c)
			}
			prevThemes = themes
		}
	}
}
