package webpage_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/build"
)

// The saved page in testdata is seed 003 (CPS London South) as a browser
// saves a publication page: a cookie banner, a header with search and
// navigation, breadcrumbs, scripts and JSON-LD, share links, related news
// and a footer around the text in <main>. Built as a document, it must give
// every reports.json field its text twin gives, and the address its
// canonical link names.
func TestSavedPageReadsAsItsText(t *testing.T) {
	const canonical = "https://www.cps.gov.uk/london-south/news/cps-response-hmcpsi-area-assurance-inspection-cps-london-south"
	seed, err := os.ReadFile("../../content/003_3be79f74631e7538.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("testdata/london-south.html")
	if err != nil {
		t.Fatal(err)
	}
	twin := append([]byte("+++\nsource_url = \""+canonical+"\"\n+++\n"), seed...)
	fromText, _ := builtReport(t, "london-south.txt", twin)
	fromPage, pageSite := builtReport(t, "london-south.html", page)
	if fromPage["source"] != "content/london-south.html" {
		t.Errorf("source = %v", fromPage["source"])
	}
	delete(fromText, "source")
	delete(fromPage, "source")
	// Line numbers differ by the twin's front matter and the page's own
	// lines; what was found must not.
	for _, m := range []map[string]any{fromText, fromPage} {
		terms, _ := m["narrative_theme_terms"].(map[string]any)
		for _, v := range terms {
			if o, ok := v.(map[string]any); ok {
				delete(o, "lines")
			}
		}
	}
	// A commitment's line is a line of its own document's text, which
	// differs between the two: every other field must agree.
	dropCommitmentLines(fromText)
	dropCommitmentLines(fromPage)
	for key, want := range fromText {
		if got := fromPage[key]; !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s:\n page %s\n text %s", key, g, w)
		}
	}
	if len(fromPage) != len(fromText) {
		t.Errorf("the page gave %d fields, the text %d", len(fromPage), len(fromText))
	}
	if issues, _ := fromPage["issues"].([]any); len(issues) != 8 {
		t.Errorf("%d issues, want the seed's 8", len(issues))
	}

	// The source view shows the extracted text, and the report page links
	// to its line 3, the only one stating the date.
	id, _ := fromPage["id"].(string)
	source := readString(t, filepath.Join(pageSite, "public/reports", id, "source/index.html"))
	if !strings.Contains(source, `id="L3">25/10/2018<`) || strings.Contains(source, "Cookies on the CPS website") || strings.Contains(source, "dataLayer") {
		t.Errorf("the source view is not the extracted text:\n%s", source)
	}
	if report := readString(t, filepath.Join(pageSite, "public/reports", id, "index.html")); !strings.Contains(report, `/reports/`+id+`/source/#L3"`) {
		t.Error("the report page's date does not link to line 3 of the source view")
	}

	// Saved "complete", the page has a folder of assets beside it, one of
	// them a frame saved as HTML: not a document.
	dir := site(t, "london-south.html", page)
	assets := filepath.Join(dir, "content", "CPS Response to HMCPsi Area Assurance Inspection of CPS London South_files")
	os.MkdirAll(assets, 0o755)
	os.WriteFile(filepath.Join(assets, "saved_resource.html"), []byte("<html><body><p>Advertisement</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(assets, "js_d4e5f6.js"), []byte("var x;"), 0o644)
	res, err := build.Load(build.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Site.Reports) != 1 {
		t.Fatalf("%d reports from a page and its assets folder", len(res.Site.Reports))
	}
	if got := res.Site.Reports[0].SourceURL; got != canonical {
		t.Errorf("source_url = %q, want the canonical link %q", got, canonical)
	}
}

// dropCommitmentLines removes "line" from each commitment of each issue.
func dropCommitmentLines(report map[string]any) {
	issues, _ := report["issues"].([]any)
	for _, is := range issues {
		m, _ := is.(map[string]any)
		cs, _ := m["commitments"].([]any)
		for _, c := range cs {
			if cm, ok := c.(map[string]any); ok {
				delete(cm, "line")
			}
		}
	}
}

// site makes a site folder holding one document.
func site(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readString(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// builtReport builds a site of one document and returns its entry in
// data/reports.json, decoded, and the site folder.
func builtReport(t *testing.T, name string, data []byte) (map[string]any, string) {
	t.Helper()
	dir := site(t, name, data)
	res, err := build.Build(build.Options{Source: dir, BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatalf("%s: %v %v", name, err, res.Diags)
	}
	for _, d := range res.Diags {
		t.Logf("%s", d)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public/data/reports.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Reports []map[string]any }
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reports) != 1 {
		t.Fatalf("%s: %d reports", name, len(doc.Reports))
	}
	return doc.Reports[0], dir
}
