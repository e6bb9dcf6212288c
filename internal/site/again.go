package site

// RaisedAgain lists, for one view, the themes an Area's inspection raised
// that the inspection before it had raised too. Unlike the comparisons it
// follows each Area across programmes: an issue raised in a baseline
// inspection and again at follow-up is the point.
type RaisedAgain struct {
	View View
	// Eligible is how many Areas have two or more inspections: the M of
	// "N of the M Areas with two or more inspections".
	Eligible int
	// Themes are the themes raised again somewhere, in site.toml order.
	Themes []Repetition
	Lead   Lead
}

// Repetition is one theme raised again, and where.
type Repetition struct {
	Theme *Theme
	Pairs []InspectionPair
	// Areas is how many Areas the pairs are in.
	Areas int
}

// InspectionPair is an inspection and the one before it in the same Area.
type InspectionPair struct {
	Earlier, Later *Inspection
}

// buildRaisedAgain compares, in the latest view, each Area's latest
// inspection with the one before it, and in the all view every
// inspection with the one before it.
func (s *Site) buildRaisedAgain() {
	for _, v := range Views {
		ra := RaisedAgain{View: v}
		pairs := make([][]InspectionPair, len(s.Themes))
		areas := make([]int, len(s.Themes))
		for _, a := range s.Areas {
			ins := a.Inspections
			if len(ins) < 2 {
				continue
			}
			ra.Eligible++
			start := 1
			if v == LatestView {
				start = len(ins) - 1
			}
			counted := make([]bool, len(s.Themes))
			for i := start; i < len(ins); i++ {
				for _, tc := range ins[i].Themes {
					if ins[i-1].Raises(tc.Theme) == 0 {
						continue
					}
					ti := s.themeIndex[tc.Theme]
					pairs[ti] = append(pairs[ti], InspectionPair{ins[i-1], ins[i]})
					if !counted[ti] {
						counted[ti] = true
						areas[ti]++
					}
				}
			}
		}
		for ti, ps := range pairs {
			if len(ps) == 0 {
				continue
			}
			t := s.Themes[ti]
			ra.Themes = append(ra.Themes, Repetition{Theme: t, Pairs: ps, Areas: areas[ti]})
			switch {
			case areas[ti] > ra.Lead.Areas:
				ra.Lead = Lead{Themes: []*Theme{t}, Areas: areas[ti]}
			case areas[ti] == ra.Lead.Areas:
				ra.Lead.Themes = append(ra.Lead.Themes, t)
			}
		}
		s.RaisedAgain = append(s.RaisedAgain, ra)
	}
}
