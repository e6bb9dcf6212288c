package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Commitment is one commitment of a response, as pages show it.
type Commitment struct {
	Text      Text
	Owners    []string
	Timeframe string // as the document writes it; "" when it states none
	// When is the timeframe as read, in words ("April 2018 to March
	// 2019"); "" when it cannot be read. Relative: read from the
	// document's date.
	When     string
	Relative bool
	Status   string // promised, under way, done
	StatusID string // the status as a class name: promised, under-way, done
	Line     Line
	// Passed: not stated as done, and its timeframe ended before the
	// newest document's date.
	Passed bool
}

// CommitmentRef is a commitment with the report and issue it comes from.
type CommitmentRef struct {
	Report     *Report
	Issue      *Issue
	Commitment *Commitment
}

// CommitmentGroup is the commitments due in one year (Kind "due"), those
// whose timeframe cannot be dated ("undated") or those with none ("none").
type CommitmentGroup struct {
	ID, Kind, Year string
	Items          []CommitmentRef
}

// CommitmentCount counts one Area's or one role's commitments by status.
type CommitmentCount struct {
	Link
	Total, Promised, UnderWay, Done, Passed int
}

// CommitmentsPage is commitments.html: every response's commitments by
// owner role and by timeframe, and per Area how many had passed their
// timeframe by the newest document's date.
type CommitmentsPage struct {
	Frame
	Total, Passed int
	AsOf          string // the newest document's date in words; "" when none is dated
	AsOfISO       string
	Areas         []CommitmentCount
	Owners        []CommitmentCount
	// Years counts the commitments of each group of ByTimeframe.
	Years []CommitmentYear
	// Timeframes lists, item by item, each group of Years of at most
	// ListLimit commitments (the site's page size); larger groups are
	// listed on the Area pages, which page with their reports.
	Timeframes []CommitmentGroup
	ListLimit  int
}

// CommitmentYear counts one timeframe group (Kind and Year as in
// CommitmentGroup); URL points at its list below, "" when it has none.
type CommitmentYear struct {
	CommitmentCount
	Kind, Year string
}

// AreaCommitments is the commitments an Area page shows: those of its
// reports on the page, by timeframe, and the Area's counts.
type AreaCommitments struct {
	Total, Passed int
	AsOf          string
	Groups        []CommitmentGroup
}

// commitments makes the views of an issue's commitments.
func (r *run) commitments(rep *report.Report, is *report.Issue) []*Commitment {
	if len(is.Commitments) == 0 {
		return nil
	}
	asOf := r.s.Commitments.AsOf
	out := make([]*Commitment, len(is.Commitments))
	for i := range is.Commitments {
		c := &is.Commitments[i]
		out[i] = &Commitment{Text: r.gloss.text(c.Text, rep.Date), Owners: c.Owners, Timeframe: c.Timeframe,
			When: timeframeWords(c.TimeframeRead), Relative: c.TimeframeRelative, Status: c.Status,
			StatusID: strings.ReplaceAll(c.Status, " ", "-"), Line: r.sourceLine(rep, c.Line),
			Passed: asOf != "" && c.Due != "" && c.Due < asOf && c.Status != report.StatusDone}
	}
	return out
}

// commitmentRef finds the view of a site commitment.
func (r *run) commitmentRef(ref site.CommitmentRef) CommitmentRef {
	x := r.views.report(ref.Report)
	for i := range ref.Report.Issues {
		if &ref.Report.Issues[i] != ref.Issue {
			continue
		}
		y := x.Issues[i]
		for k := range ref.Issue.Commitments {
			if &ref.Issue.Commitments[k] == ref.Commitment {
				return CommitmentRef{x, y, y.Commitments[k]}
			}
		}
	}
	return CommitmentRef{Report: x}
}

// commitmentGroups makes the views of timeframe groups, keeping only the
// commitments keep accepts (nil keeps all); a group left empty is dropped.
// prefix starts each group's id.
func (r *run) commitmentGroups(groups []site.TimeframeGroup, keep func(site.CommitmentRef) bool, prefix string) []CommitmentGroup {
	var out []CommitmentGroup
	for _, g := range groups {
		cg := CommitmentGroup{Kind: g.Kind, Year: g.Year, ID: prefix + timeframeKey(g)}
		for _, ref := range g.Items {
			if keep == nil || keep(ref) {
				cg.Items = append(cg.Items, r.commitmentRef(ref))
			}
		}
		if len(cg.Items) > 0 {
			out = append(out, cg)
		}
	}
	return out
}

func (r *run) commitmentsPage(p *pageSpec) *CommitmentsPage {
	c := r.s.Commitments
	x := &CommitmentsPage{Frame: r.frame(p, p.Title, p.Crumbs), Total: len(c.All), Passed: c.Passed, AsOfISO: c.AsOf}
	if c.AsOf != "" {
		x.AsOf = displayDate(c.AsOf)
	}
	for _, ac := range c.ByArea {
		l := Link{Text: ac.Area.Name}
		if ac.Area.Slug != "" {
			l.URL = r.urls.rel("/areas/" + ac.Area.Slug + "/#commitments")
		}
		x.Areas = append(x.Areas, countOf(l, refsOf(ac.ByTimeframe), ac.Passed))
	}
	for _, o := range c.ByOwner {
		x.Owners = append(x.Owners, countOf(Link{Text: o.Role.Name}, o.Items, o.Passed))
	}
	x.ListLimit = r.s.Config.PageSize
	for _, g := range c.ByTimeframe {
		var l Link
		passed := 0
		for _, ref := range g.Items {
			if ref.Passed {
				passed++
			}
		}
		if g.Kind != "none" && len(g.Items) <= x.ListLimit {
			x.Timeframes = append(x.Timeframes, r.commitmentGroups([]site.TimeframeGroup{g}, nil, "timeframe-")...)
			l.URL = "#timeframe-" + timeframeKey(g)
		}
		x.Years = append(x.Years, CommitmentYear{countOf(l, g.Items, passed), g.Kind, g.Year})
	}
	set := abbrSet{}
	for _, g := range x.Timeframes {
		for _, it := range g.Items {
			if it.Commitment != nil {
				set.add(it.Commitment.Text)
			}
		}
	}
	x.Abbreviations = set.list()
	return x
}

// timeframeKey names a timeframe group in ids: its year, or its kind.
func timeframeKey(g site.TimeframeGroup) string {
	if g.Year != "" {
		return g.Year
	}
	return g.Kind
}

func refsOf(groups []site.TimeframeGroup) []site.CommitmentRef {
	var out []site.CommitmentRef
	for _, g := range groups {
		out = append(out, g.Items...)
	}
	return out
}

func countOf(l Link, refs []site.CommitmentRef, passed int) CommitmentCount {
	cc := CommitmentCount{Link: l, Total: len(refs), Passed: passed}
	for _, ref := range refs {
		switch ref.Commitment.Status {
		case report.StatusPromised:
			cc.Promised++
		case report.StatusUnderWay:
			cc.UnderWay++
		case report.StatusDone:
			cc.Done++
		}
	}
	return cc
}

// areaCommitments is what an Area page shows of its commitments: those of
// the page's reports.
func (r *run) areaCommitments(a *site.Area, window []*report.Report) *AreaCommitments {
	ac := r.s.Commitments.ForArea(a.Slug)
	if ac == nil {
		return nil
	}
	onPage := map[*report.Report]bool{}
	for _, rep := range window {
		onPage[rep] = true
	}
	x := &AreaCommitments{Total: ac.Count, Passed: ac.Passed}
	if r.s.Commitments.AsOf != "" {
		x.AsOf = displayDate(r.s.Commitments.AsOf)
	}
	x.Groups = r.commitmentGroups(ac.ByTimeframe, func(ref site.CommitmentRef) bool { return onPage[ref.Report] }, "commitments-")
	return x
}

// timeframeWords says a timeframe as read in words: "2017", "April 2018",
// "27 June 2022", "April 2018 to March 2019", "12 months from 28 June
// 2022"; "" for "".
func timeframeWords(read string) string {
	if read == "" {
		return ""
	}
	from, to, ok := strings.Cut(read, "/")
	if !ok {
		if strings.HasPrefix(read, "P") {
			return durationWords(read) + " from the document's date, which it does not state"
		}
		return periodWords(read)
	}
	if strings.HasPrefix(to, "P") {
		return durationWords(to) + " from " + periodWords(from)
	}
	return periodWords(from) + " to " + periodWords(to)
}

func periodWords(iso string) string {
	switch len(iso) {
	case 4:
		return iso
	case 7:
		if m, err := strconv.Atoi(iso[5:]); err == nil && m >= 1 && m <= 12 {
			return time.Month(m).String() + " " + iso[:4]
		}
	case 10:
		return displayDate(iso)
	}
	return iso
}

// durationWords says "P12M" as "12 months".
func durationWords(d string) string {
	n, err := strconv.Atoi(d[1 : len(d)-1])
	if err != nil {
		return d
	}
	unit := map[byte][2]string{'D': {"day", "days"}, 'M': {"month", "months"}, 'Y': {"year", "years"}}[d[len(d)-1]]
	if unit[0] == "" {
		return d
	}
	if n == 1 {
		return "1 " + unit[0]
	}
	return strconv.Itoa(n) + " " + unit[1]
}
