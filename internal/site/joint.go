package site

import "github.com/inspectsite/inspectsite/internal/report"

// SharedResponses are responses printed in one Area's report that were
// given jointly with another Area ("CPS response (joint with CPS London
// North)"): the other Area's page lists them as "Responses shared with
// <From>", and the report page links the other Area.
type SharedResponses struct {
	From  *Area // the Area whose report prints them
	Items []IssueRef
}

// AreaNamed returns the Area with the name as site.toml gives it (the
// canonical names joint_with holds), or nil.
func (s *Site) AreaNamed(name string) *Area {
	for _, a := range s.Areas {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// JointAreas are the Areas an issue's response was given jointly with,
// those the site knows.
func (s *Site) JointAreas(is *report.Issue) []*Area {
	var out []*Area
	for _, name := range is.JointWith {
		if a := s.AreaNamed(name); a != nil {
			out = append(out, a)
		}
	}
	return out
}

// buildShared gives every Area the joint responses other Areas' reports
// print, grouped by the reporting Area in site order, oldest report first.
func (s *Site) buildShared() {
	for _, from := range s.Areas {
		for _, r := range from.Reports {
			for i := range r.Issues {
				is := &r.Issues[i]
				for _, other := range s.JointAreas(is) {
					if other == from {
						continue
					}
					n := len(other.Shared)
					if n == 0 || other.Shared[n-1].From != from {
						other.Shared = append(other.Shared, SharedResponses{From: from})
						n++
					}
					other.Shared[n-1].Items = append(other.Shared[n-1].Items, IssueRef{r, is})
				}
			}
		}
	}
}
