package render_test

import (
	"os"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// A seed with a paragraph of markup put into its narrative, read as
// markdown (.md) and as plain text (.txt): markdown keeps its emphasis and
// links but no raw HTML; plain text has the words the reader keeps (markup
// removed), every other character shown as written.
func TestNarrativeFromTheDocumentsOwnText(t *testing.T) {
	seed, err := os.ReadFile("../../content/003_3be79f74631e7538.txt")
	if err != nil {
		t.Fatal(err)
	}
	const para = "The Area was found to have **strong** working _relationships_ with [its partners](https://example.org/p) <img src=x onerror=alert(1)> and `code` \\*kept\\* 3 < 4 &amp; IQA."
	text := strings.Replace(string(seed), "The Area was found to have strong working relationships with its criminal justice partners, enabling progress to be made on longstanding issues around police file quality and disclosure.", para, 1)
	if text == string(seed) {
		t.Fatal("the seed's paragraph is not there")
	}
	cfg, ds := build.LoadConfig(os.DirFS("../.."), "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, tc := range []struct {
		file      string
		want, not []string
	}{
		{"content/x.md",
			[]string{`have <strong>strong</strong> working <em>relationships</em> with <a href="https://example.org/p">its partners</a>  and <code>code</code> *kept* 3 &lt; 4 &amp; <abbr title="Individual Quality Assessment">IQA</abbr>.`},
			[]string{"<img", "onerror"}},
		{"content/x.txt",
			[]string{`have strong working relationships with its partners and code *kept* 3 &lt; 4 &amp;amp; <abbr title="Individual Quality Assessment">IQA</abbr>.`},
			[]string{"<img", "<strong>strong", "<em>"}},
	} {
		r, _ := report.NewParser(cfg).Parse(tc.file, []byte(text))
		if r == nil {
			t.Fatalf("%s not read", tc.file)
		}
		s, _ := site.New(cfg, []*report.Report{r})
		page := string(renderAll(t, s, nil)[strings.TrimPrefix(r.URL, "/")+"index.html"])
		summary := page[strings.Index(page, `<h2 id="summary">`):strings.Index(page, `<h2 id="issues">`)]
		for _, w := range tc.want {
			if !strings.Contains(summary, w) {
				t.Errorf("%s: summary lacks\n%s\nin\n%s", tc.file, w, summary)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(summary, w) {
				t.Errorf("%s: summary holds %q", tc.file, w)
			}
		}
	}
}
