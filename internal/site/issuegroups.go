package site

import (
	"slices"

	"github.com/inspectsite/inspectsite/internal/report"
)

// IssueGroup is one or more issues and the response to them, as the
// document prints them: a combined response ("CPS Response to 1 & 3")
// is one group holding every issue it answers, so that pages show the
// response once and say which issues it answers.
type IssueGroup struct {
	// Issues are in the document's order.
	Issues []*report.Issue
	// Response is the issue whose response the group shows: the last of
	// the group, where the document prints it. Its Response may be "".
	Response *report.Issue
}

// Combined reports whether one response answers several issues.
func (g IssueGroup) Combined() bool { return len(g.Issues) > 1 }

// Numbers are the group's issue numbers, in the document's order.
func (g IssueGroup) Numbers() []int {
	ns := make([]int, len(g.Issues))
	for i, is := range g.Issues {
		ns[i] = is.Number
	}
	return ns
}

// IssueGroups divides a report's issues into groups, in the document's
// order: consecutive issues that share one combined response form one
// group.
func IssueGroups(r *report.Report) []IssueGroup {
	var gs []IssueGroup
	for i := range r.Issues {
		is := &r.Issues[i]
		if n := len(gs); n > 0 && len(is.ResponseCovers) > 1 {
			last := gs[n-1].Response
			if slices.Equal(last.ResponseCovers, is.ResponseCovers) && last.Response == is.Response {
				gs[n-1].Issues = append(gs[n-1].Issues, is)
				gs[n-1].Response = is
				continue
			}
		}
		gs = append(gs, IssueGroup{Issues: []*report.Issue{is}, Response: is})
	}
	return gs
}

// OutOfOrder reports whether the document numbers its issues out of
// order (1, 3, 2: issues answered together are printed together), which a
// page keeps and explains rather than re-sorts.
func OutOfOrder(r *report.Report) bool {
	for i := 1; i < len(r.Issues); i++ {
		if r.Issues[i].Number < r.Issues[i-1].Number {
			return true
		}
	}
	return false
}
