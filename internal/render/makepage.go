package render

import (
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
	{"search", "/search/", "Search"},
}

// frame is what page p shows around its content.
func (r *run) frame(p *pageSpec, title string, crumbs []crumb) Frame {
	cfg, u := r.s.Config, r.urls
	f := Frame{Lang: cfg.Language, SiteTitle: cfg.Title, Description: cfg.Description, Title: title,
		URL: u.rel(p.URL), Base: u.base, Stylesheet: u.rel(r.css), Feed: u.rel("/feed.xml"),
		Contact: Link{cfg.ContactLabel, cfg.ContactURL}, ReportCount: len(r.s.Reports), IssueCount: r.issues, AreaCount: len(cfg.Areas),
		fragments: r.fragments}
	f.FullTitle = title
	if p.Pager != nil && p.Pager.Total > 1 {
		f.FullTitle += " (page " + strconv.Itoa(p.Pager.Page) + " of " + strconv.Itoa(p.Pager.Total) + ")"
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
		return &ReportsPage{Frame: r.frame(p, p.Title, p.Crumbs), Reports: v.reports(p.Data.([]*report.Report)), Pagination: r.pagination(p.Pager)}, nil
	case "report.html":
		d := p.Data.(reportData)
		x := &ReportPage{Frame: r.frame(p, p.Title, p.Crumbs), Report: v.report(d.R), Prev: v.report(d.Prev), Next: v.report(d.Next),
			Narrative: r.narrativeBlocks(d.R)}
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
		return r.sourcePage(p)
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
	case "glossary.html":
		return &GlossaryPage{Frame: r.frame(p, p.Title, p.Crumbs), Letters: glossaryLetters(r.s.Config.Glossary)}, nil
	case "data.html":
		x := &DataPage{Frame: r.frame(p, p.Title, p.Crumbs), ReportFields: reportFields, IssueFields: issueFields,
			IssuesCSV: issuesCSVFields, RatingsCSV: ratingsCSVFields, RatingWords: r.s.Config.Ratings}
		for _, c := range r.s.Config.Criteria {
			x.Criteria = append(x.Criteria, Criterion{c.Slug, c.Title})
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
	for _, rec := range r.recurring() {
		if rec.Areas > 0 {
			x.Recurring = append(x.Recurring, rec)
		}
	}
	x.Criteria = x.Ratings.Criteria
	return x
}

func (r *run) recurring() []ThemeReach {
	var out []ThemeReach
	for _, rec := range r.s.Recurring() {
		out = append(out, ThemeReach{Link{rec.Theme.Title, r.urls.rel("/themes/" + rec.Theme.Slug + "/")}, rec.Areas, rec.Issues})
	}
	return out
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

func (r *run) sourcePage(p *pageSpec) (*SourcePage, error) {
	rep := p.Data.(sourceData).R
	title := ReportTitle(rep)
	crumbs := append(append([]crumb(nil), p.Crumbs...), crumb{title, rep.URL})
	x := &SourcePage{Frame: r.frame(p, "Source of “"+title+"”", crumbs), Report: r.views.report(rep)}
	text := rep.Text
	if text == "" && r.text != nil {
		b, err := r.text(rep, nil)
		if err != nil {
			return nil, err
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
	return x, nil
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
	if p.Pager.Page == 1 {
		for _, tc := range a.Themes {
			x.Themes = append(x.Themes, ThemeLink{Link{tc.Theme.Title, r.urls.rel(themeAnchor(r.s, r.l, tc.Theme.Slug, a.Slug))}, tc.Count})
		}
	}
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
	x := &ThemePage{Frame: r.frame(p, p.Title, p.Crumbs), Theme: r.themeSummary(d.T), Pagination: r.pagination(p.Pager)}
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
