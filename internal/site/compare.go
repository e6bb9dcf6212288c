package site

import "sort"

// Recurrence says in how many Areas a theme was raised.
type Recurrence struct {
	Theme  *Theme
	Areas  int
	Issues int
}

// Recurring lists themes by the number of Areas they were raised in, most
// first, then by issue count, then in site.toml order.
func (s *Site) Recurring() []Recurrence {
	var out []Recurrence
	for _, t := range s.Themes {
		n := 0
		for _, g := range t.Groups {
			if g.Area.Slug != "" {
				n++
			}
		}
		out = append(out, Recurrence{t, n, t.IssueCount})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Areas != out[j].Areas {
			return out[i].Areas > out[j].Areas
		}
		return out[i].Issues > out[j].Issues
	})
	return out
}

// Count returns how many issues of theme t the Area has.
func (a *Area) Count(t *Theme) int {
	for _, tc := range a.Themes {
		if tc.Theme == t {
			return tc.Count
		}
	}
	return 0
}

// KnownAreas is the Areas a comparison table lists.
func (s *Site) KnownAreas() []*Area {
	var out []*Area
	for _, a := range s.Areas {
		if a.Known || len(a.Reports) > 0 {
			out = append(out, a)
		}
	}
	return out
}
