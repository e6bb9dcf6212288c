package site

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
