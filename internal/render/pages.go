package render

import (
	"strconv"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// layout holds what is decided once for the whole site before any page is
// rendered: how each long list is split into pages, where each anchor is.
type layout struct {
	themePages  map[string][][]group[site.IssueRef] // theme slug → pages
	themeStarts map[string]map[string]int           // theme slug → group key → page
	areaPages   map[string][]areaWindow
	issueIDs    map[*report.Report][]string // only reports whose issues share a number
	size        int
	basePath    string // the base URL's path, parsed once
}

// groupKey names an Area's group on a theme page; national reports share one.
func groupKey(a *site.Area) string {
	if a.Slug == "" {
		return "national"
	}
	return a.Slug
}

func newLayout(s *site.Site) *layout {
	l := &layout{
		themePages: map[string][][]group[site.IssueRef]{}, themeStarts: map[string]map[string]int{},
		areaPages: map[string][]areaWindow{}, issueIDs: map[*report.Report][]string{},
		size: s.Config.PageSize, basePath: s.Config.BasePath(),
	}
	for _, t := range s.Themes {
		var gs []group[site.IssueRef]
		for _, g := range t.Groups {
			gs = append(gs, group[site.IssueRef]{Key: groupKey(g.Area), Title: g.Area.Name, Items: g.Items})
		}
		l.themePages[t.Slug], l.themeStarts[t.Slug] = paginateGroups(gs, l.size)
	}
	for _, a := range s.Areas {
		l.areaPages[a.Slug] = areaWindows(s, a, l.size)
	}
	for _, r := range s.Reports {
		if ids := uniqueIssueIDs(r); ids != nil {
			l.issueIDs[r] = ids
		}
	}
	return l
}

// issueID is the id of a report's i-th issue on its page: "issue-3", or
// "issue-3-2" for the second issue a document numbers 3.
func (l *layout) issueID(r *report.Report, i int) string {
	if ids, ok := l.issueIDs[r]; ok {
		return ids[i]
	}
	return "issue-" + strconv.Itoa(r.Issues[i].Number)
}

// uniqueIssueIDs lists the ids of a report's issues when two share a
// number, and is nil otherwise: most reports need no list.
func uniqueIssueIDs(r *report.Report) []string {
	seen := make(map[int]bool, len(r.Issues))
	clash := false
	for _, is := range r.Issues {
		clash = clash || seen[is.Number]
		seen[is.Number] = true
	}
	if !clash {
		return nil
	}
	ids := make([]string, len(r.Issues))
	used := map[string]bool{}
	for i, is := range r.Issues {
		id := "issue-" + strconv.Itoa(is.Number)
		for n := 2; used[id]; n++ {
			id = "issue-" + strconv.Itoa(is.Number) + "-" + strconv.Itoa(n)
		}
		used[id] = true
		ids[i] = id
	}
	return ids
}

// areaWindow is one page of an Area: a run of its reports, oldest first,
// with the comparisons that end in them and their issues by theme.
type areaWindow struct {
	Reports []*report.Report
	Changes []site.Change
	Groups  []group[site.IssueRef]
	First   int // 1-based position of the first report in the Area
}

// areaWindows splits an Area's reports into pages of size.
func areaWindows(s *site.Site, a *site.Area, size int) []areaWindow {
	var out []areaWindow
	for lo := 0; lo < len(a.Reports) || lo == 0; lo += size {
		hi := min(lo+size, len(a.Reports))
		w := areaWindow{Reports: a.Reports[lo:hi], First: lo + 1}
		// Changes[i] compares Reports[i] with Reports[i+1]: the window's
		// comparisons are those ending in its reports.
		if len(a.Changes) > 0 && hi > 1 {
			w.Changes = a.Changes[max(lo-1, 0) : hi-1]
		}
		byTheme := map[string][]site.IssueRef{}
		for _, r := range w.Reports {
			for i := range r.Issues {
				for _, th := range r.Issues[i].Themes {
					byTheme[th] = append(byTheme[th], site.IssueRef{Report: r, Issue: &r.Issues[i]})
				}
			}
		}
		for _, t := range s.Themes {
			if items := byTheme[t.Slug]; len(items) > 0 {
				w.Groups = append(w.Groups, group[site.IssueRef]{Key: t.Slug, Title: t.Title, Items: items})
			}
		}
		out = append(out, w)
		if len(a.Reports) == 0 {
			break
		}
	}
	return out
}

// themeAnchor is the URL of an Area's section on a theme's pages.
func themeAnchor(s *site.Site, l *layout, themeSlug, key string) string {
	n := l.themeStarts[themeSlug][key]
	return (&pager{Base: "/themes/" + themeSlug + "/"}).URLOf(n) + "#area-" + key
}

// pages lists every HTML page of the site.
func pages(s *site.Site, l *layout) []*pageSpec {
	var out []*pageSpec
	add := func(p *pageSpec) { out = append(out, p) }
	add(&pageSpec{URL: "/", Template: "index.html", Title: s.Config.Title})

	size := s.Config.PageSize
	list := func(base, title string, crumbs []crumb, l *site.ReportList, kind string) {
		total := pageCount(len(l.Reports), size)
		for n := 1; n <= total; n++ {
			pg := &pager{Page: n, Total: total, Base: base}
			lo, hi := (n-1)*size, min(n*size, len(l.Reports))
			add(&pageSpec{URL: pg.URLOf(n), Template: "reports.html", Title: title, Section: "reports",
				Crumbs: crumbs, Pager: pg, Data: reportsData{Reports: l.Reports[lo:hi], List: l, Kind: kind}})
		}
	}
	list("/reports/", "Reports", []crumb{{"Home", "/"}}, &site.ReportList{Reports: s.Newest}, "")
	inReports := []crumb{{"Home", "/"}, {"Reports", "/reports/"}}
	for _, l := range s.ProgrammeLists {
		list("/reports/programme/"+l.Slug+"/", "Reports: "+l.Title, inReports, l, "programme")
	}
	for _, l := range s.YearLists {
		list("/reports/year/"+l.Slug+"/", "Reports published in "+l.Title, inReports, l, "year")
	}
	for _, a := range s.Areas {
		crumbs := []crumb{{"Home", "/"}, {"Areas", "/areas/"}, {"CPS " + a.Name, "/areas/" + a.Slug + "/"}}
		for i, r := range a.Reports {
			var prev, next *report.Report
			if i > 0 {
				prev = a.Reports[i-1]
			}
			if i+1 < len(a.Reports) {
				next = a.Reports[i+1]
			}
			add(reportPage(crumbs, r, prev, next))
			add(sourcePage(crumbs, r))
		}
	}
	national := []crumb{{"Home", "/"}, {"Reports", "/reports/"}}
	for _, r := range s.National {
		add(reportPage(national, r, nil, nil))
		add(sourcePage(national, r))
	}
	add(&pageSpec{URL: "/areas/", Template: "areas.html", Title: "Areas", Section: "areas", Crumbs: []crumb{{"Home", "/"}}})
	for _, a := range s.Areas {
		windows := l.areaPages[a.Slug]
		for n := range windows {
			pg := &pager{Page: n + 1, Total: len(windows), Base: "/areas/" + a.Slug + "/"}
			add(&pageSpec{URL: pg.URLOf(n + 1), Template: "area.html", Title: "CPS " + a.Name, Section: "areas",
				Crumbs: []crumb{{"Home", "/"}, {"Areas", "/areas/"}}, Pager: pg, Data: areaData{a, windows[n]}})
		}
	}
	add(&pageSpec{URL: "/themes/", Template: "themes.html", Title: "Themes", Section: "themes", Crumbs: []crumb{{"Home", "/"}}})
	for _, t := range s.Themes {
		groups := l.themePages[t.Slug]
		for n := range groups {
			pg := &pager{Page: n + 1, Total: len(groups), Base: "/themes/" + t.Slug + "/"}
			add(&pageSpec{URL: pg.URLOf(n + 1), Template: "theme.html", Title: t.Title, Section: "themes",
				Crumbs: []crumb{{"Home", "/"}, {"Themes", "/themes/"}}, Pager: pg, Data: themeData{t, groups[n]}})
		}
	}
	add(&pageSpec{URL: "/compare/", Template: "compare.html", Title: "Compare CPS Areas", Section: "compare",
		Crumbs: []crumb{{"Home", "/"}}, Data: site.LatestView})
	add(&pageSpec{URL: "/compare/all/", Template: "compare.html", Title: "Compare CPS Areas: every inspection", Section: "compare",
		Crumbs: []crumb{{"Home", "/"}, {"Compare Areas", "/compare/"}}, Data: site.AllView})
	add(&pageSpec{URL: "/ratings/", Template: "ratings.html", Title: "Ratings and criteria explained", Section: "compare", Crumbs: []crumb{{"Home", "/"}, {"Compare Areas", "/compare/"}}})
	add(&pageSpec{URL: "/commitments/", Template: "commitments.html", Title: "Commitments: who promised what, by when", Section: "commitments",
		Crumbs: []crumb{{"Home", "/"}}})
	add(&pageSpec{URL: "/glossary/", Template: "glossary.html", Title: "Glossary", Crumbs: []crumb{{"Home", "/"}}})
	add(&pageSpec{URL: "/data/", Template: "data.html", Title: "Open data", Crumbs: []crumb{{"Home", "/"}}})
	add(&pageSpec{URL: "/accessibility/", Template: "accessibility.html", Title: "Accessibility statement", Crumbs: []crumb{{"Home", "/"}}})
	add(&pageSpec{URL: "/search/", Template: "search.html", Title: "Search", Section: "search", Crumbs: []crumb{{"Home", "/"}}})
	add(&pageSpec{URL: "/404.html", Template: "404.html", Title: "Page not found"})
	for _, p := range out {
		if p.URL == "/404.html" {
			p.Path = "404.html"
		} else {
			p.Path = pagePath(p.URL)
		}
	}
	return out
}

// reportPage is one report's page under the given breadcrumbs (its
// Area's, shared by all its reports); prev and next are its neighbours.
func reportPage(crumbs []crumb, r *report.Report, prev, next *report.Report) *pageSpec {
	return &pageSpec{URL: r.URL, Template: "report.html", Title: ReportTitle(r), Section: "reports", Crumbs: crumbs,
		Data: reportData{R: r, Prev: prev, Next: next}}
}

// sourcePage shows a report's file as read, one numbered line each, so
// that every fact on the report page can be checked against its line.
// Its title and last breadcrumb are made only when it is rendered (see
// run.frame): a large site has a great many.
func sourcePage(crumbs []crumb, r *report.Report) *pageSpec {
	return &pageSpec{URL: r.URL + "source/", Template: "source.html", Section: "reports", Crumbs: crumbs, Data: sourceData{R: r}}
}

type sourceData struct{ R *report.Report }

// reportsData is one page of a reports list: every report, or those of one
// programme (Kind "programme") or year (Kind "year").
type reportsData struct {
	Reports []*report.Report
	List    *site.ReportList
	Kind    string
}

type reportData struct {
	R          *report.Report
	Prev, Next *report.Report
}

type areaData struct {
	A *site.Area
	W areaWindow
}

type themeData struct {
	T      *site.Theme
	Groups []group[site.IssueRef]
}

// pageSpec is one page of the site as the page list holds it: what it is,
// not yet its data (see run.pageData). A large site has hundreds of
// thousands.
type pageSpec struct {
	Path     string // output file, "reports/x/index.html"
	URL      string // site path, "/reports/x/"
	Template string // "report.html"
	Title    string // the page's own title (the h1)
	Section  string // the menu item it belongs to: reports, areas, themes, compare, search
	Crumbs   []crumb
	Pager    *pager
	Data     any // the model behind the page: *report.Report, areaData, ...
}

type crumb struct{ Name, URL string }
