package render_test

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/linkcheck"
	"github.com/inspectsite/inspectsite/internal/render"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// seedSite models the repository's content/ with the given base URL.
func seedSite(t testing.TB, baseURL string) *site.Site {
	t.Helper()
	src := os.DirFS("../..")
	cfg, ds := build.LoadConfig(src, "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	cfg.BaseURL = baseURL
	files, _ := fs.Glob(src, "content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	var list diag.List
	return build.Model(cfg, build.ParseAll(src, files, report.NewParser(cfg), cfg.MaxDocumentBytes), &list)
}

func renderAll(t testing.TB, s *site.Site, tmpl *render.Templates) map[string][]byte {
	t.Helper()
	if tmpl == nil {
		var err error
		if tmpl, err = render.LoadTemplates(nil); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	files := map[string][]byte{}
	if _, err := render.Site(s, tmpl, func(p string, b []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[p]; dup {
			t.Errorf("%s written twice", p)
		}
		files[p] = b
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEveryPageOfTheSpec(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	for _, want := range []string{
		"index.html", "reports/index.html", "reports/mersey-cheshire-2018-04-05/index.html", "areas/index.html",
		"areas/wessex/index.html", "themes/index.html", "themes/disclosure/index.html", "compare/index.html",
		"glossary/index.html", "accessibility/index.html", "search/index.html", "404.html",
		"data/reports.json", "data/issues.csv", "data/ratings.csv", "feed.xml", "sitemap.xml", "robots.txt",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	areas := 0
	for name := range files {
		if strings.HasPrefix(name, "areas/") && strings.HasSuffix(name, "/index.html") && name != "areas/index.html" {
			areas++
		}
	}
	if areas != 14 {
		t.Errorf("%d Area pages, want all 14", areas)
	}
}

func TestLinksResolveAtRootAndUnderSubPath(t *testing.T) {
	for _, base := range []string{"/", "https://example.org/sub/"} {
		s := seedSite(t, base)
		files := renderAll(t, s, nil)
		for _, p := range linkcheck.Check(files, s.Config.BasePath()) {
			t.Errorf("base %s: %s", base, p)
		}
		if base != "/" {
			for _, f := range []string{"feed.xml", "sitemap.xml", "robots.txt"} {
				if !bytes.Contains(files[f], []byte("https://example.org/sub/")) || bytes.Contains(files[f], []byte("https://example.org/reports")) {
					t.Errorf("%s does not use the sub-path base URL", f)
				}
			}
			if !bytes.Contains(files["404.html"], []byte(`href="/sub/assets/style.`)) {
				t.Error("404.html must link its stylesheet from the base path: it is served at any URL")
			}
		}
	}
}

var (
	inlineScript = regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`)
	styleAttr    = regexp.MustCompile(`\sstyle=`)
)

func TestNoInlineScriptOrStyle(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if inlineScript.Match(b) || bytes.Contains(b, []byte("<style")) || styleAttr.Match(b) || bytes.Contains(b, []byte(" on")) && regexp.MustCompile(`\son[a-z]+=`).Match(b) {
			t.Errorf("%s has inline script, style or event handlers", name)
		}
		if !bytes.Contains(b, []byte(`http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'`)) {
			t.Errorf("%s has no Content-Security-Policy", name)
		}
		if bytes.Count(b, []byte("<h1")) != 1 {
			t.Errorf("%s has %d h1 elements", name, bytes.Count(b, []byte("<h1")))
		}
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	s := seedSite(t, "/")
	a := renderAll(t, s, nil)
	prev := runtime.GOMAXPROCS(1)
	b := renderAll(t, seedSite(t, "/"), nil)
	runtime.GOMAXPROCS(prev)
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between a 1-core and a %d-core render", name, prev)
		}
	}
}

func TestSiteTemplatesOverrideByName(t *testing.T) {
	fsys := fstest.MapFS{"templates/404.html": {Data: []byte(`{{define "content"}}<h1>Lost</h1><p>Custom page.</p>{{end}}`)}}
	tmpl, err := render.LoadTemplates(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files := renderAll(t, seedSite(t, "/"), tmpl)
	if !bytes.Contains(files["404.html"], []byte("Custom page.")) {
		t.Error("the site's 404.html did not replace the built-in one")
	}
	if !bytes.Contains(files["index.html"], []byte("Latest reports")) {
		t.Error("templates the site does not override must stay built in")
	}
}

func TestTemplateErrorsNameFileLineAndPage(t *testing.T) {
	broken := fstest.MapFS{"templates/glossary.html": {Data: []byte("{{define \"content\"}}\n<h1>x</h1>\n{{if}}\n{{end}}")}}
	_, err := render.LoadTemplates(broken)
	if err == nil || !strings.HasPrefix(err.Error(), "templates/glossary.html:3: error: template:") {
		t.Errorf("parse error = %v", err)
	}
	failing := fstest.MapFS{"templates/glossary.html": {Data: []byte("{{define \"content\"}}\n<h1>x</h1>\n{{.Nope}}\n{{end}}")}}
	tmpl, err := render.LoadTemplates(failing)
	if err != nil {
		t.Fatal(err)
	}
	_, err = render.Site(seedSite(t, "/"), tmpl, func(string, []byte) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "templates/glossary.html:3: error: rendering /glossary/:") {
		t.Errorf("execution error = %v", err)
	}
}

func TestPagesSayWhatIsNotKnown(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	cases := map[string][]string{
		"reports/002-846e74a289f4ef76/index.html":       {"Date not stated", "This document states no ratings"},
		"reports/east-of-england-2017-10-25/index.html": {"No numbered issues in this document", "Read the original publication", "on www.justiceinspectorates.gov.uk"},
		"areas/wessex/index.html":                       {"No report yet for this Area"},
		"reports/mersey-cheshire-2018-04-05/index.html": {"One response answers issues 1 and 3 together", `id="issue-3"`, "management of resources",
			"CPS response to issues 1 and 3", "in the order the document gives them: 1, 3, 2, 4"},
		"reports/london-south-2018-10-25/index.html": {"joint response with CPS London North", `href="/areas/london-north/"`},
		"compare/index.html":                         {"Not rated", `scope="row"`, `scope="col"`, "<caption"},
	}
	for name, wants := range cases {
		for _, w := range wants {
			if !bytes.Contains(files[name], []byte(w)) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
}

// Abbreviations are marked where they stand, the quoted words unchanged,
// and the page lists the ones it uses near its top, linked to the glossary.
func TestAbbreviationsMarkedWithoutChangingTheWords(t *testing.T) {
	page := string(renderAll(t, seedSite(t, "/"), nil)["reports/mersey-cheshire-2018-04-05/index.html"])
	if !strings.Contains(page, `the performance of <abbr title="Crown Prosecution Service">CPS</abbr> Mersey-Cheshire.`) {
		t.Error("the narrative's words are changed, or CPS is not marked")
	}
	if strings.Contains(page, `(<a href="/glossary/`) {
		t.Error("an expansion is inserted into the text")
	}
	list := strings.Index(page, `<summary>Abbreviations on this page</summary>`)
	entry := strings.Index(page, `<dt><abbr>IQA</abbr></dt><dd><a href="/glossary/#iqa">Individual Quality Assessment</a></dd>`)
	issues := strings.Index(page, `<h2 id="issues">`)
	if list < 0 || entry < list || issues < entry {
		t.Errorf("no list of abbreviations before the issues (list %d, IQA entry %d, issues %d)", list, entry, issues)
	}
	if strings.Contains(page, `<dt><abbr>CJS</abbr>`) {
		t.Error("the list holds an abbreviation the page does not use")
	}
}

// With a page size of 2, every list that grows is split, and every link,
// pagination included, still resolves.
func TestListsPaginate(t *testing.T) {
	s := seedSite(t, "/")
	s.Config.PageSize = 2
	s2, _ := site.New(s.Config, resetIDs(s.Reports))
	files := renderAll(t, s2, nil)
	for _, want := range []string{"reports/page/3/index.html", "themes/charging-and-case-analysis/page/3/index.html"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	for _, p := range linkcheck.Check(files, "/") {
		t.Error(p)
	}
	page2 := string(files["reports/page/2/index.html"])
	for _, want := range []string{`aria-label="Pagination"`, `aria-current="page"`, `rel="prev"`, `rel="next"`, "(page 2 of 3)"} {
		if !strings.Contains(page2, want) {
			t.Errorf("reports page 2 lacks %q", want)
		}
	}
}

func resetIDs(rs []*report.Report) []*report.Report {
	out := make([]*report.Report, len(rs))
	for i, r := range rs {
		c := *r
		c.ID, c.URL = "", ""
		out[i] = &c
	}
	return out
}

// Two issues a document numbers alike get distinct anchors, and the theme
// pages and the search index link to each.
func TestIssuesNumberedAlikeGetDistinctAnchors(t *testing.T) {
	src := fstest.MapFS{"content/wessex.txt": {Data: []byte(`CPS Wessex: response to the HMCPSI inspection report

Issues to address

3. Letters to victims are sent late.

CPS response: We will send letters on time.

3. Disclosure schedules are incomplete.

CPS response: We will check every schedule.
`)}}
	cfg, ds := build.LoadConfig(os.DirFS("../.."), "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	files, _ := build.Documents(src)
	var list diag.List
	s := build.Model(cfg, build.ParseAll(src, files, report.NewParser(cfg), cfg.MaxDocumentBytes), &list)
	if len(s.Reports) != 1 || len(s.Reports[0].Issues) != 2 {
		t.Fatalf("want one report with two issues, got %+v", s.Reports)
	}
	out := renderAll(t, s, nil)
	r := s.Reports[0]
	page := string(out[strings.TrimPrefix(r.URL, "/")+"index.html"])
	for _, id := range []string{`id="issue-3"`, `id="issue-3-2"`} {
		if !strings.Contains(page, id) {
			t.Errorf("report page lacks %s", id)
		}
	}
	themes := string(out["themes/victim-communication/index.html"]) + string(out["themes/disclosure/index.html"])
	for _, href := range []string{r.URL + `#issue-3"`, r.URL + `#issue-3-2"`} {
		if !strings.Contains(themes, href) {
			t.Errorf("theme pages lack a link to %s", href)
		}
	}
	if idx := string(out["search/index.json"]); !strings.Contains(idx, `"issue-3-2"`) {
		t.Errorf("search index lacks issue-3-2: %s", idx)
	}
}
