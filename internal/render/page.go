package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// pageSpec is one page of the site as the page list holds it: what it is,
// not yet what its template needs. A large site has hundreds of thousands.
type pageSpec struct {
	Path     string // output file, "reports/x/index.html"
	URL      string // site path, "/reports/x/"
	Template string // "report.html"
	Title    string // the page's own title (the h1)
	Section  string // the menu item it belongs to: reports, areas, themes, compare, search
	Crumbs   []crumb
	Pager    *pager
	Data     any
}

// page is everything one HTML page's template sees, made from its spec
// just before it is rendered.
type page struct {
	pageSpec

	Site *site.Site
	Cfg  *config.Config
	L    *layout
	Abbr *abbrState
	CSS  string // site path of the fingerprinted stylesheet
	JS   []string
	// Rendered narrative, filled for report pages.
	Narrative template.HTML
	// FullTitle is the <title>; MenuKey the key of the cached menu
	// (fields rather than methods: a field costs a template less).
	FullTitle, MenuKey string

	parts   *parts
	scratch *markup // see page.markup
}

type crumb struct{ Name, URL string }

// Rel turns a site path into a URL under the base path: every link in every
// template goes through it, so a sub-path build works everywhere.
func (p *page) Rel(sitePath string) string {
	return p.L.basePath + strings.TrimPrefix(sitePath, "/")
}

// Abs is a full URL when base_url has a host.
func (p *page) Abs(sitePath string) string { return p.Cfg.AbsURL(sitePath) }

// fullTitle is the <title>: page, page number, site.
func (p *page) fullTitle() string {
	t := p.Title
	if p.Pager != nil && p.Pager.Total > 1 {
		t += " (page " + strconv.Itoa(p.Pager.Page) + " of " + strconv.Itoa(p.Pager.Total) + ")"
	}
	if p.URL == "/" {
		return t
	}
	return t + " – " + p.Cfg.Title
}

// Criterion titles, area names and theme titles for templates.
func (p *page) CriterionTitle(slug string) string {
	for _, c := range p.Cfg.Criteria {
		if c.Slug == slug {
			return c.Title
		}
	}
	return slug
}

func (p *page) ThemeTitle(slug string) string {
	if t := p.Site.Theme(slug); t != nil {
		return t.Title
	}
	return slug
}

func (p *page) ProgrammeTitle(id string) string {
	for _, pr := range p.Cfg.Programmes {
		if pr.ID == id {
			return pr.Title
		}
	}
	if id == "unknown" || id == "" {
		return "Programme not stated"
	}
	return id
}

func (p *page) KindTitle(slug string) string {
	for _, k := range p.Cfg.Kinds {
		if k.Slug == slug {
			return k.Title
		}
	}
	return slug
}

// AreaURL is the Area page of a report, or "" for a national report.
func (p *page) AreaURL(r *report.Report) string {
	if r.AreaSlug == "" {
		return ""
	}
	return "/areas/" + r.AreaSlug + "/"
}

// ThemeAreaURL links to an Area's section of a theme page, on the page of
// the theme's pagination where that section starts.
func (p *page) ThemeAreaURL(themeSlug, areaSlug string) string {
	return themeAnchor(p.Site, p.L, themeSlug, areaSlug)
}

// SourceLine links to line n of a report's source view ("" for line 0,
// a value that did not come from the text).
func (p *page) SourceLine(r *report.Report, n int) string {
	if n <= 0 {
		return ""
	}
	return r.URL + "source/#L" + strconv.Itoa(n)
}

// IssueID is the id of a report's i-th issue: "issue-3", unique on the page
// even when a document numbers two issues alike.
func (p *page) IssueID(r *report.Report, i int) string { return p.L.issueID(r, i) }

// IssueRefID is the id of an issue given by reference.
func (p *page) IssueRefID(ref site.IssueRef) string {
	for i := range ref.Report.Issues {
		if &ref.Report.Issues[i] == ref.Issue {
			return p.L.issueID(ref.Report, i)
		}
	}
	return ""
}

// ReportTitle is a report's title, or its file name when it states none.
func ReportTitle(r *report.Report) string {
	if r.Title != "" {
		return r.Title
	}
	return "Untitled document (" + r.Source + ")"
}

func (p *page) ReportTitle(r *report.Report) string { return ReportTitle(r) }

// menuKey is what the menu depends on: the page's section, and whether the
// page is that section's own page (then its item is the current page).
func (p *page) menuKey() string {
	if p.URL == "/"+p.Section+"/" {
		return p.Section + " index"
	}
	return p.Section
}

// Cached renders the named template with this page once per build for
// each key, and reuses the result on every page asking with the same key:
// for the parts of the frame that only the key decides.
func (p *page) Cached(name, key string) (template.HTML, error) {
	return p.parts.get(p, name, key)
}

// parts holds the results of Cached for one build, and what pages need
// from outside the model.
type parts struct {
	t    *Templates
	m    sync.Map // page template + name + key → template.HTML
	text TextFunc // for reports whose Text was not kept
}

func (c *parts) get(p *page, name, key string) (template.HTML, error) {
	k := p.Template + "\x00" + name + "\x00" + key
	if h, ok := c.m.Load(k); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := c.t.pages[p.Template].ExecuteTemplate(&b, name, p); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	c.m.Store(k, h)
	return h, nil
}
