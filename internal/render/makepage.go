package render

import (
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// menu is the site's menu: section, site path, label.
var menu = []struct{ section, path, label string }{
	{"reports", "/reports/", "Reports"},
	{"areas", "/areas/", "Areas"},
	{"themes", "/themes/", "Themes"},
	{"compare", "/compare/", "Compare Areas"},
	{"commitments", "/commitments/", "Commitments"},
	{"search", "/search/", "Search"},
}

// frame is what page p shows around its content.
func (r *run) frame(p *pageSpec, title string, crumbs []crumb) Frame {
	cfg, u := r.s.Config, r.urls
	f := Frame{Lang: cfg.Language, SiteTitle: cfg.Title, Description: cfg.Description, Title: title,
		URL: u.rel(p.URL), Base: u.base, Stylesheet: u.rel(r.css), Feed: u.rel("/feed.xml"),
		Contact: Link{cfg.ContactLabel, cfg.ContactURL}, ReportCount: len(r.s.Reports), IssueCount: r.issues, AreaCount: len(cfg.Areas),
		fragments: r.fragments,
		Publisher: cfg.Publisher, DataLicence: Link{cfg.DataLicence.Name, cfg.DataLicence.URL}}
	f.FullTitle = title
	if p.Pager != nil && p.Pager.Total > 1 {
		of := "page " + strconv.Itoa(p.Pager.Page) + " of " + strconv.Itoa(p.Pager.Total)
		f.FullTitle += " (" + of + ")"
		if p.Pager.Page > 1 { // page 3 of a list does not have page 1's heading
			f.Title += ": " + of
		}
	}
	if p.URL != "/" {
		f.FullTitle += " – " + cfg.Title
	}
	f.Menu = r.menu(p)
	for _, c := range crumbs {
		f.Crumbs = append(f.Crumbs, Link{c.Name, u.rel(c.URL)})
	}
	return f
}

// menu is the menu as page p shows it; pages that show it alike share one.
func (r *run) menu(p *pageSpec) []MenuItem {
	key := p.Section
	for _, m := range menu {
		if p.URL == m.path {
			key += " " + m.path
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if items, ok := r.menus[key]; ok {
		return items
	}
	var items []MenuItem
	for _, m := range menu {
		it := MenuItem{Link: Link{m.label, r.urls.rel(m.path)}}
		switch {
		case p.URL == m.path:
			it.Current = "page"
		case p.Section == m.section:
			it.Current = "true"
		}
		items = append(items, it)
	}
	r.menus[key] = items
	return items
}

// pagination is where page p stands in its list.
func (r *run) pagination(pg *pager) *Pagination {
	if pg == nil || pg.Total <= 1 {
		return nil
	}
	out := &Pagination{Page: pg.Page, Total: pg.Total}
	if n := pg.Prev(); n > 0 {
		out.Prev = r.urls.rel(pg.URLOf(n))
	}
	if n := pg.Next(); n > 0 {
		out.Next = r.urls.rel(pg.URLOf(n))
	}
	for _, n := range pg.Pages() {
		if n == 0 {
			out.Links = append(out.Links, PageLink{Gap: true})
			continue
		}
		out.Links = append(out.Links, PageLink{Number: n, URL: r.urls.rel(pg.URLOf(n)), Current: n == pg.Page})
	}
	return out
}

// pageData is the data page p's template is executed with.
func (r *run) pageData(p *pageSpec) (any, error) {
	v := r.views
	switch p.Template {
	case "index.html":
		return r.homePage(p), nil
	case "reports.html":
		d := p.Data.(reportsData)
		return &ReportsPage{Frame: r.frame(p, p.Title, p.Crumbs), Reports: v.reports(d.Reports), Pagination: r.pagination(p.Pager),
			Kind: d.Kind, Name: d.List.Title, Count: len(d.List.Reports), Narrow: r.narrowing(), Script: r.urls.rel(r.js), Index: r.urls.rel("/search/index.json")}, nil
	case "report.html":
		d := p.Data.(reportData)
		x := &ReportPage{Frame: r.frame(p, p.Title, p.Crumbs), Report: v.report(d.R), Prev: v.report(d.Prev), Next: v.report(d.Next),
			Narrative: r.narrativeBlocks(d.R), OutOfOrder: site.OutOfOrder(d.R), Ratings: r.ratingsGuide()}
		r.issueGroups(x, d.R)
		set := abbrSet{}
		for _, b := range x.Narrative {
			set.addPhrases(b.Phrases)
			for _, it := range b.Items {
				set.addPhrases(it)
			}
		}
		for _, is := range x.Report.Issues {
			set.add(is.Text)
			set.add(is.Response...)
		}
		x.Abbreviations = set.list()
		return x, nil
	case "source.html":
		return r.sourcePage(p), nil
	case "areas.html":
		return &AreasPage{Frame: r.frame(p, p.Title, p.Crumbs), Areas: r.areaSummaries(), National: v.reports(r.s.National)}, nil
	case "area.html":
		return r.areaPage(p), nil
	case "themes.html":
		x := &ThemesPage{Frame: r.frame(p, p.Title, p.Crumbs)}
		for _, t := range r.s.Themes {
			x.Themes = append(x.Themes, r.themeSummary(t))
		}
		return x, nil
	case "theme.html":
		return r.themePage(p), nil
	case "compare.html":
		return r.comparePage(p), nil
	case "commitments.html":
		return r.commitmentsPage(p), nil
	case "glossary.html":
		return &GlossaryPage{Frame: r.frame(p, p.Title, p.Crumbs), Letters: glossaryLetters(r.s.Config.Glossary)}, nil
	case "data.html":
		x := &DataPage{Frame: r.frame(p, p.Title, p.Crumbs), ReportFields: reportFields, IssueFields: issueFields,
			IssuesCSV: issuesCSVFields, RatingsCSV: ratingsCSVFields, RatingWords: r.s.Config.Ratings,
			CommitmentFields: commitmentFields, CommitmentsCSV: commitmentsCSVFields}
		if d := r.s.LastUpdated(); d != "" {
			x.LastUpdated = displayDate(d)
		}
		for _, c := range r.s.Config.Criteria {
			x.Criteria = append(x.Criteria, Criterion{c.Slug, c.Title})
		}
		for _, f := range compareFiles {
			x.CompareFiles = append(x.CompareFiles, DataFile{strings.TrimPrefix(f.Name, "data/"), r.urls.rel("/" + f.Name), f.Meaning})
		}
		return x, nil
	case "ratings.html":
		x := &RatingsPage{Frame: r.frame(p, p.Title, p.Crumbs), Guide: r.ratingsGuide()}
		for _, c := range r.s.Comparisons {
			if c.View == site.LatestView {
				x.Programmes = append(x.Programmes, ProgrammeNote{c.Programme.Title, c.Programme.Description, c.Rated > 0})
			}
		}
		return x, nil
	case "search.html":
		x := &SearchPage{Frame: r.frame(p, p.Title, p.Crumbs), Script: r.urls.rel(r.js), Index: r.urls.rel("/search/index.json")}
		for _, t := range r.s.Themes {
			x.Themes = append(x.Themes, Link{t.Title, r.urls.rel("/themes/" + t.Slug + "/")})
		}
		return x, nil
	}
	return &TextPage{Frame: r.frame(p, p.Title, p.Crumbs)}, nil
}

func (r *run) homePage(p *pageSpec) *HomePage {
	x := &HomePage{Frame: r.frame(p, p.Title, p.Crumbs), Ratings: r.ratingsTable(r.s.KnownAreas()), Areas: r.areaSummaries()}
	latest := r.s.Newest
	if len(latest) > 5 {
		latest = latest[:5]
	}
	x.Latest = r.views.reports(latest)
	// Themes are counted within one programme, never across: the newest
	// programme's latest inspection of each Area.
	for _, c := range r.s.Comparisons {
		if c.View == site.LatestView && c.Programme.ID != site.UnknownProgramme.ID {
			x.RecurringIn, x.RecurringOf, x.Recurring = c.Programme.Title, c.WithReport, nil
			for _, t := range c.Ranked {
				if t.Areas > 0 {
					x.Recurring = append(x.Recurring, ThemeReach{r.themeLink(t.Theme), t.Areas, t.Issues})
				}
			}
		}
	}
	x.Criteria = x.Ratings.Criteria
	return x
}

func (r *run) ratingsTable(areas []*site.Area) RatingsTable {
	t := RatingsTable{}
	for _, c := range r.s.Config.Criteria {
		t.Criteria = append(t.Criteria, c.Title)
	}
	for _, a := range areas {
		t.Rows = append(t.Rows, AreaRatings{Name: a.Name, URL: r.urls.rel("/areas/" + a.Slug + "/"), Rated: r.views.report(a.Rated), HasReports: len(a.Reports) > 0})
	}
	return t
}

func (r *run) areaSummaries() []AreaSummary {
	var out []AreaSummary
	for _, a := range r.s.Areas {
		sum := AreaSummary{Name: a.Name, URL: r.urls.rel("/areas/" + a.Slug + "/"), Reports: len(a.Reports), Issues: a.Issues}
		if len(a.Reports) > 0 {
			sum.Latest = r.views.report(a.Reports[len(a.Reports)-1])
		}
		out = append(out, sum)
	}
	return out
}

func (r *run) sourcePage(p *pageSpec) *SourcePage {
	rep := p.Data.(sourceData).R
	title := ReportTitle(rep)
	crumbs := append(append([]crumb(nil), p.Crumbs...), crumb{title, rep.URL})
	return &SourcePage{Frame: r.frame(p, "Source of “"+title+"”", crumbs), Report: r.views.report(rep),
		Digest: hex.EncodeToString(rep.Digest[:]), doc: rep}
}

// complete adds to a page's data what only its rendering needs: a source
// page's Lines, read again from the document (see report.TextBytes). A
// page kept or taken from the cache by its recipe is not completed, so a
// build into the previous site reads no document twice.
func (r *run) complete(data any) error {
	x, ok := data.(*SourcePage)
	if !ok || x.doc == nil {
		return nil
	}
	rep := x.doc
	x.doc = nil
	text := rep.Text
	if text == "" && r.text != nil {
		b, err := r.text(rep, nil)
		if err != nil {
			return err
		}
		text = string(b)
	}
	text = strings.TrimSuffix(text, "\n")
	x.Lines = make([]SourceLine, 0, strings.Count(text, "\n")+1)
	for n := 1; ; n++ {
		line, rest, more := strings.Cut(text, "\n")
		sl := SourceLine{N: n, Text: line}
		if rep.HiddenChars {
			sl.Parts = hiddenParts(line)
		}
		x.Lines = append(x.Lines, sl)
		if !more {
			break
		}
		text = rest
	}
	return nil
}

func (r *run) areaPage(p *pageSpec) *AreaPage {
	d := p.Data.(areaData)
	a, w := d.A, d.W
	x := &AreaPage{Frame: r.frame(p, p.Title, p.Crumbs), Name: a.Name, Reports: len(a.Reports), Rated: r.views.report(a.Rated),
		Window: r.views.reports(w.Reports), From: w.First, To: w.First + len(w.Reports) - 1, Pagination: r.pagination(p.Pager)}
	if len(a.Reports) > 0 {
		x.First, x.Last = r.views.report(a.Reports[0]), r.views.report(a.Reports[len(a.Reports)-1])
	}
	for _, c := range r.s.Config.Criteria {
		x.Criteria = append(x.Criteria, c.Title)
	}
	for _, c := range w.Changes {
		ch := Change{Later: r.views.report(c.Later), Earlier: r.views.report(c.Earlier), Comparable: c.Comparable, EarlierRated: len(c.Earlier.Ratings) > 0}
		for _, t := range c.Repeated {
			ch.Repeated = append(ch.Repeated, Link{t.Title, r.urls.rel("/themes/" + t.Slug + "/")})
		}
		for _, rc := range c.Ratings {
			ch.Ratings = append(ch.Ratings, RatingChange{rc.Criterion.Title, rc.From, rc.To})
		}
		x.Changes = append(x.Changes, ch)
	}
	if ca := r.s.Config.AreaBySlug(a.Slug); ca != nil {
		x.PoliceForces, x.Counties, x.CPSURL = ca.PoliceForces, ca.Counties, ca.CPSURL
		if pu, err := url.Parse(ca.CPSURL); err == nil && isWebURL(ca.CPSURL) {
			x.CPSHost = pu.Hostname()
		} else {
			x.CPSURL = ""
		}
	}
	if p.Pager.Page == 1 {
		x.History = r.history(a.History)
		for _, sh := range a.Shared {
			x.Shared = append(x.Shared, SharedView{From: Link{"CPS " + sh.From.Name, r.urls.rel("/areas/" + sh.From.Slug + "/")}, Items: r.views.refs(sh.Items)})
		}
		for _, tc := range a.Themes {
			x.Themes = append(x.Themes, ThemeLink{Link{tc.Theme.Title, r.urls.rel(themeAnchor(r.s, r.l, tc.Theme.Slug, a.Slug))}, tc.Count})
		}
	}
	x.Commitments = r.areaCommitments(a, w.Reports)
	set := abbrSet{}
	for _, g := range w.Groups {
		ig := IssueGroup{Title: g.Title, Continued: g.Continued, Items: r.views.refs(g.Items)}
		if !g.Continued {
			ig.ID = "theme-" + g.Key
		}
		for _, it := range ig.Items {
			set.add(it.Issue.Text)
		}
		x.Groups = append(x.Groups, ig)
	}
	x.Abbreviations = set.list()
	return x
}

func (r *run) themeSummary(t *site.Theme) ThemeSummary {
	n := 0
	for _, g := range t.Groups {
		if g.Area.Slug != "" {
			n++
		}
	}
	return ThemeSummary{Title: t.Title, URL: r.urls.rel("/themes/" + t.Slug + "/"), Description: t.Description, Issues: t.IssueCount, Areas: n}
}

func (r *run) themePage(p *pageSpec) *ThemePage {
	d := p.Data.(themeData)
	x := &ThemePage{Frame: r.frame(p, p.Title, p.Crumbs), Theme: r.themeSummary(d.T), Pagination: r.pagination(p.Pager),
		Commitments: len(r.s.Commitments.ForTheme(d.T.Slug))}
	if p.Pager.Page == 1 {
		for _, a := range r.s.KnownAreas() {
			l := ThemeLink{Link: Link{Text: a.Name}, Count: a.Count(d.T)}
			if l.Count > 0 {
				l.URL = r.urls.rel(themeAnchor(r.s, r.l, d.T.Slug, a.Slug))
			}
			x.ByArea = append(x.ByArea, l)
		}
	}
	set := abbrSet{}
	for _, g := range d.Groups {
		ig := IssueGroup{ID: "area-" + g.Key, Title: g.Title, Continued: g.Continued, Items: r.views.refs(g.Items)}
		if g.Key != "national" {
			ig.Title = "CPS " + g.Title
		}
		if g.Continued {
			ig.ID += "-cont"
		}
		for _, it := range ig.Items {
			set.add(it.Issue.Text)
			set.add(it.Issue.Response...)
		}
		x.Groups = append(x.Groups, ig)
	}
	x.Abbreviations = set.list()
	return x
}

func glossaryLetters(entries map[string]string) []GlossaryLetter {
	var out []GlossaryLetter
	for _, k := range sortedKeys(entries) {
		letter := k[:1]
		if len(out) == 0 || out[len(out)-1].Letter != letter {
			out = append(out, GlossaryLetter{Letter: letter, ID: "letter-" + strings.ToLower(letter)})
		}
		last := &out[len(out)-1]
		last.Entries = append(last.Entries, GlossaryEntry{k, entries[k], strings.ToLower(k)})
	}
	return out
}

// issueGroups lays a report's issues out as its document does, and lists
// the themes its narrative discusses.
func (r *run) issueGroups(x *ReportPage, rep *report.Report) {
	index := map[*report.Issue]int{}
	for i := range rep.Issues {
		index[&rep.Issues[i]] = i
	}
	for _, g := range site.IssueGroups(rep) {
		gv := IssueGroupView{Response: x.Report.Issues[index[g.Response]], Numbers: g.Numbers()}
		for _, is := range g.Issues {
			gv.Issues = append(gv.Issues, x.Report.Issues[index[is]])
		}
		x.Groups = append(x.Groups, gv)
	}
	if x.OutOfOrder {
		for _, is := range rep.Issues {
			x.Order = append(x.Order, is.Number)
		}
	}
	for _, t := range r.s.NarrativeThemesOf(rep) {
		x.NarrativeThemes = append(x.NarrativeThemes, Link{t.Title, r.urls.rel("/themes/" + t.Slug + "/")})
	}
}

// ratingsGuide explains the rating words and criteria, from the
// configuration.
func (r *run) ratingsGuide() RatingsGuide {
	cfg := r.s.Config
	g := RatingsGuide{URL: r.urls.rel("/ratings/")}
	for _, w := range cfg.Ratings {
		g.Words = append(g.Words, RatingWord{w, cfg.RatingMeaning(w)})
	}
	for _, c := range cfg.Criteria {
		g.Criteria = append(g.Criteria, CriterionNote{c.Title, c.Description})
	}
	return g
}

// history is an Area's rating history for its page.
func (r *run) history(h site.RatingHistory) RatingHistoryView {
	var x RatingHistoryView
	for _, in := range h.Inspections {
		x.Reports = append(x.Reports, r.views.report(in.Reports[0]))
	}
	point := func(p site.RatingPoint) RatingPointView {
		return RatingPointView{p.Rating, r.views.report(p.Inspection.Reports[0])}
	}
	stepView := func(st site.RatingStep) RatingStepView {
		return RatingStepView{point(st.From), point(st.To), st.Change.String()}
	}
	for _, ch := range h.Criteria {
		cv := CriterionHistoryView{Criterion: ch.Criterion.Title, Ratings: ch.Ratings, First: point(ch.Points[0])}
		for _, st := range ch.Steps {
			cv.Steps = append(cv.Steps, stepView(st))
		}
		if ch.Overall != nil {
			o := stepView(*ch.Overall)
			cv.Overall = &o
		}
		if ch.Best != nil {
			b := point(*ch.Best)
			cv.Best = &b
		}
		x.Criteria = append(x.Criteria, cv)
	}
	return x
}

// narrowing is the ways the reports list can be narrowed: by Area,
// programme and year, each a static list.
func (r *run) narrowing() Narrowing {
	u := r.urls
	var n Narrowing
	for _, a := range r.s.KnownAreas() {
		n.Areas = append(n.Areas, ThemeLink{Link{a.Name, u.rel("/areas/" + a.Slug + "/")}, len(a.Reports)})
	}
	for _, l := range r.s.ProgrammeLists {
		n.Programmes = append(n.Programmes, ThemeLink{Link{l.Title, u.rel("/reports/programme/" + l.Slug + "/")}, len(l.Reports)})
	}
	for _, l := range r.s.YearLists {
		n.Years = append(n.Years, ThemeLink{Link{l.Title, u.rel("/reports/year/" + l.Slug + "/")}, len(l.Reports)})
	}
	return n
}
