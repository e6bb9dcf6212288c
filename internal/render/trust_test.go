package render_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
	"github.com/inspectsite/inspectsite/internal/opendata"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Pages readers can trust: what issue 13 asks of the report pages.
func TestReportPagesWithoutRepetition(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	mersey := files["reports/mersey-cheshire-2018-04-05/index.html"]
	// The combined response to issues 1 and 3 is printed once.
	if n := bytes.Count(mersey, []byte("<p>In developing the Area")); n != 1 { // (its commitments below quote it, as a list)
		t.Errorf("the response to issues 1 and 3 is printed %d times", n)
	}
	// Issue headings say which issue, not its words again.
	for _, h := range regexp.MustCompile(`<h3 id="issue-\d+">([^<]*)</h3>`).FindAllSubmatch(mersey, -1) {
		if !regexp.MustCompile(`^Issue \d+$`).Match(h[1]) {
			t.Errorf("issue heading %q", h[1])
		}
	}
	// 2017 documents expand HMCPSI as they were written: Her Majesty's.
	eoe := files["reports/east-of-england-2017-10-25/index.html"]
	if bytes.Contains(eoe, []byte("His Majesty")) || !bytes.Contains(eoe, []byte("Her Majesty&#39;s Crown Prosecution Service Inspectorate")) {
		t.Error("a 2017 report does not expand HMCPSI as Her Majesty's")
	}
	for name, b := range files {
		for _, bad := range []string{"site.toml", "content/0", "as inspectsite read it"} {
			if bytes.Contains(b, []byte(bad)) && bytes.HasSuffix([]byte(name), []byte(".html")) {
				t.Errorf("%s shows %q to readers", name, bad)
			}
		}
	}
}

// The data page lists every comparison file the build writes.
func TestDataPageListsTheCompareFiles(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	for _, f := range opendata.CompareFiles {
		if _, ok := files[f.Name]; !ok {
			t.Errorf("%s not written", f.Name)
		}
		if !bytes.Contains(files["data/index.html"], []byte(`href="/`+f.Name+`"`)) {
			t.Errorf("the data page does not link %s", f.Name)
		}
	}
	for _, want := range []string{"Open Government Licence v3.0", "25 October 2018: the date of the newest document"} {
		if !bytes.Contains(files["data/index.html"], []byte(want)) {
			t.Errorf("the data page lacks %q", want)
		}
	}
	if !bytes.Contains(files["index.html"], []byte("Published by ")) {
		t.Error("the footer does not name the publisher")
	}
}

// corpusSite models n generated documents.
func corpusSite(t *testing.T, n int) *site.Site {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	p := report.NewParser(cfg)
	var reports []*report.Report
	for _, d := range corpus.Generate(cfg, n) {
		r, _ := p.Parse("content/"+d.Name, d.Text)
		reports = append(reports, r)
	}
	s, _ := site.New(cfg, reports)
	return s
}

// At 300 documents the compare pages say ties as ties, name a leader
// only when there is one, and count "N of the M Areas with a report";
// lists after their first page say which page they are.
func TestComparePagesAt300Documents(t *testing.T) {
	s := corpusSite(t, 300)
	files := renderAll(t, s, nil)
	for _, c := range s.Comparisons {
		page := files["compare/index.html"]
		if c.View == site.AllView {
			page = files["compare/all/index.html"]
		}
		id := strings.TrimSuffix(c.Slug, "-"+c.View.Slug())
		start := bytes.Index(page, []byte(`<h2 id="`+id+`">`))
		if start < 0 {
			t.Fatalf("%s: no section", c.Slug)
		}
		section := page[start:]
		if end := bytes.Index(section[1:], []byte(`<section class="programme"`)); end > 0 {
			section = section[:end]
		}
		headline := regexp.MustCompile(`<p class="headline">(.*?)</p>`).FindSubmatch(section)
		if headline == nil {
			t.Fatalf("%s: no headline", c.Slug)
		}
		h := string(headline[1])
		mostAreas := strings.Contains(h, "was raised in the most Areas")
		if c.Lead.Tied() && (mostAreas || !strings.HasPrefix(h, "Tied: ")) {
			t.Errorf("%s: %d themes tie, yet the headline reads %q", c.Slug, len(c.Lead.Themes), h)
		}
		if l := c.Lead.Leader(); l != nil && (!mostAreas || !strings.HasPrefix(h, l.Title)) {
			t.Errorf("%s: %s leads alone, yet the headline reads %q", c.Slug, l.Title, h)
		}
		want := fmt.Sprintf("%d of the %d Areas have a report in this programme", c.WithReport, len(c.Rows))
		if !bytes.Contains(section, []byte(want)) {
			t.Errorf("%s lacks %q", c.Slug, want)
		}
		if !bytes.Contains(section, []byte(fmt.Sprintf("%d of the %d", c.Lead.Areas, c.WithReport))) {
			t.Errorf("%s: the headline does not count the lead of %d Areas out of %d", c.Slug, c.Lead.Areas, c.WithReport)
		}
	}
	pages := (len(s.Reports) + s.Config.PageSize - 1) / s.Config.PageSize
	third := files["reports/page/3/index.html"]
	if want := fmt.Sprintf("<h1>Reports: page 3 of %d</h1>", pages); !bytes.Contains(third, []byte(want)) {
		t.Errorf("page 3 of the reports list lacks %q", want)
	}
	for _, l := range s.ProgrammeLists {
		if _, ok := files["reports/programme/"+l.Slug+"/index.html"]; !ok {
			t.Errorf("no list for %s", l.Title)
		}
	}
	for _, l := range s.YearLists {
		if !bytes.Contains(files["reports/year/"+l.Slug+"/index.html"], []byte(fmt.Sprintf("%d reports published in %s", len(l.Reports), l.Title))) {
			t.Errorf("the %s list does not say how many reports it has", l.Title)
		}
	}
}
