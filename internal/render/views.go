package render

import (
	"html/template"
	"net/url"
	"strconv"
	"sync"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Link is a URL with the words that name it.
type Link struct{ Text, URL string }

// Report is one report as every page shows it. One is made per report and
// build, and shared by every page that shows the report.
type Report struct {
	ID        string
	Title     string // the document's title, or "Untitled document (FILE)"
	URL       string
	Area      string // the Area's name; "" for a national or thematic report
	AreaURL   string
	Date      string // YYYY-MM-DD, or ""
	DateText  string // "5 April 2018", or "Date not stated"
	MonthYear string // "April 2018", or "date not stated"
	DateLine  Line   // the date's line in the source view
	// Programme is the programme's id (AAP, AIP-baseline, ...);
	// ProgrammeTitle its title from the configuration.
	Programme, ProgrammeTitle string
	Kind                      string // the document kind's title
	SourceFile                string // the file it was read from, "content/x.txt"
	SourcePage                string // URL of its line-by-line source view
	Original                  string // its original publication (http or https), or ""
	OriginalHost              string // the host the original is on, "www.cps.gov.uk"
	// Ratings has one entry per configured criterion, in order, rated or not.
	Ratings      []Rating
	Rated        bool // the document rates at least one criterion
	OtherRatings []OtherRating
	Issues       []*Issue
}

// Rating is a report's rating on one criterion; Value is "" when it
// states none. Line is where it was read.
type Rating struct {
	Criterion string
	Value     string
	Line      Line
}

// Line is a line of a report's source view: N is 0 for a value that did
// not come from the text (front matter), and URL is then "".
type Line struct {
	N   int
	URL string
}

// OtherRating is a rating the document gives to something else.
type OtherRating struct{ Label, Value string }

// Issue is one issue to address and the response to it.
type Issue struct {
	Number int
	ID     string // its anchor on the report page: "issue-3"
	URL    string // it on its report page
	Text   Text
	Line   Line
	Themes []Link
	// Response holds the response's paragraphs; none when the document
	// gives no response.
	Response     []Text
	ResponseLine Line
	Covers       []int    // the issues one combined response answers, when more than one
	JointWith    []string // Areas a joint response was made with
	// Joint links the Areas of JointWith the site knows to their pages.
	Joint []Link
	// Commitments are what the response promises (commitments.go).
	Commitments []*Commitment

	frags *issueFragments // see Cached
}

// Cached renders the partial name, as partials.html defines it, with the
// issue as its data, and reuses the result on the other pages that show the
// issue: the report page and the theme pages show its response that way
// ({{.Cached "response"}}, {{.Cached "commitments"}}). A partial given the
// same issue renders to the same bytes, so the result cannot be stale.
func (is *Issue) Cached(name string) (template.HTML, error) {
	return is.frags.render(name, is)
}

// IssueRef is an issue with the report it comes from, for the pages that
// gather issues from many reports.
type IssueRef struct {
	Report *Report
	Issue  *Issue
}

// views makes each Report once per build.
type views struct {
	r      *run
	mu     sync.Mutex
	m      map[*report.Report]*Report
	themes map[string]Link
}

func (v *views) report(rep *report.Report) *Report {
	if rep == nil {
		return nil
	}
	v.mu.Lock()
	x, ok := v.m[rep]
	v.mu.Unlock()
	if ok {
		return x
	}
	x = v.r.makeReport(rep)
	v.mu.Lock()
	if y, ok := v.m[rep]; ok {
		x = y // made meanwhile by another page: keep one
	} else {
		v.m[rep] = x
	}
	v.mu.Unlock()
	return x
}

// release lets go of the fragments of rep's issues (see schedule).
func (v *views) release(rep *report.Report) {
	v.mu.Lock()
	x := v.m[rep]
	v.mu.Unlock()
	if x == nil {
		return
	}
	for _, is := range x.Issues {
		is.frags.release()
	}
}

func (v *views) reports(rs []*report.Report) []*Report {
	out := make([]*Report, len(rs))
	for i, rep := range rs {
		out[i] = v.report(rep)
	}
	return out
}

func (v *views) ref(ref site.IssueRef) IssueRef {
	x := v.report(ref.Report)
	for i := range ref.Report.Issues {
		if &ref.Report.Issues[i] == ref.Issue {
			return IssueRef{x, x.Issues[i]}
		}
	}
	return IssueRef{Report: x}
}

func (v *views) refs(refs []site.IssueRef) []IssueRef {
	out := make([]IssueRef, len(refs))
	for i, ref := range refs {
		out[i] = v.ref(ref)
	}
	return out
}

// themeLink links a theme's page; links are made once per theme.
func (v *views) themeLink(slug string) Link {
	v.mu.Lock()
	defer v.mu.Unlock()
	if l, ok := v.themes[slug]; ok {
		return l
	}
	l := Link{slug, v.r.urls.rel("/themes/" + slug + "/")}
	if th := v.r.s.Theme(slug); th != nil {
		l.Text = th.Title
	}
	v.themes[slug] = l
	return l
}

func (r *run) makeReport(rep *report.Report) *Report {
	v := r.views
	cfg, u := r.s.Config, r.urls
	x := &Report{ID: rep.ID, Title: ReportTitle(rep), URL: u.rel(rep.URL), Area: rep.Area, Date: rep.Date,
		DateText: displayDate(rep.Date), MonthYear: monthYear(rep.Date), DateLine: r.sourceLine(rep, rep.Lines.Date),
		Programme: rep.Programme, ProgrammeTitle: r.programmeTitle(rep.Programme), Kind: rep.Kind,
		SourceFile: rep.Source, SourcePage: u.rel(rep.URL + "source/"), Rated: len(rep.Ratings) > 0}
	if rep.AreaSlug != "" {
		x.AreaURL = u.rel("/areas/" + rep.AreaSlug + "/")
	}
	for _, k := range cfg.Kinds {
		if k.Slug == rep.Kind {
			x.Kind = k.Title
		}
	}
	if isWebURL(rep.SourceURL) {
		x.Original = rep.SourceURL
		if pu, err := url.Parse(rep.SourceURL); err == nil {
			x.OriginalHost = pu.Hostname()
		}
	}
	for _, c := range cfg.Criteria {
		x.Ratings = append(x.Ratings, Rating{Criterion: c.Title, Value: rep.Ratings[c.Slug], Line: r.sourceLine(rep, rep.Lines.Ratings[c.Slug])})
	}
	for _, o := range rep.OtherRatings {
		x.OtherRatings = append(x.OtherRatings, OtherRating{o.Label, o.Rating})
	}
	x.Issues = make([]*Issue, len(rep.Issues))
	frags := make([]issueFragments, len(rep.Issues))
	released := r.schedule.released(rep)
	for i := range frags {
		frags[i] = issueFragments{c: r.fragments, done: released}
	}
	for i := range rep.Issues {
		is := &rep.Issues[i]
		id := r.l.issueID(rep, i)
		y := &Issue{Number: is.Number, ID: id, URL: u.rel(rep.URL + "#" + id),
			Text: r.gloss.text(is.Text, rep.Date), Line: r.sourceLine(rep, is.Line), ResponseLine: r.sourceLine(rep, is.ResponseLine),
			JointWith: is.JointWith, frags: &frags[i]}
		for _, a := range r.s.JointAreas(is) {
			y.Joint = append(y.Joint, Link{"CPS " + a.Name, u.rel("/areas/" + a.Slug + "/")})
		}
		if len(is.Themes) > 0 {
			y.Themes = make([]Link, len(is.Themes))
			for j, t := range is.Themes {
				y.Themes[j] = v.themeLink(t)
			}
		}
		if is.Response != "" {
			for _, p := range is.ResponseParagraphs {
				y.Response = append(y.Response, r.gloss.text(p, rep.Date))
			}
			if len(is.ResponseCovers) > 1 {
				y.Covers = is.ResponseCovers
			}
			y.Commitments = r.commitments(rep, is)
		} else {
			y.ResponseLine = Line{}
		}
		x.Issues[i] = y
	}
	return x
}

// sourceLine is line n of a report's source view (none for line 0, a
// value that did not come from the text).
func (r *run) sourceLine(rep *report.Report, n int) Line {
	if n <= 0 {
		return Line{}
	}
	return Line{n, r.urls.rel(rep.URL + "source/#L" + strconv.Itoa(n))}
}

func (r *run) programmeTitle(id string) string {
	for _, pr := range r.s.Config.Programmes {
		if pr.ID == id {
			return pr.Title
		}
	}
	if id == "unknown" || id == "" {
		return "Programme not stated"
	}
	return id
}

// ReportTitle is a report's title, or its file name when it states none.
func ReportTitle(r *report.Report) string {
	if r.Title != "" {
		return r.Title
	}
	return "Untitled document (" + r.Source + ")"
}

// isWebURL: only http and https links to the original are made.
func isWebURL(u string) bool {
	return len(u) > 7 && (hasPrefixFold(u, "https://") || hasPrefixFold(u, "http://"))
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
