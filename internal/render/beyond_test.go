package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Every line a report page links to holds the fact it is cited for.
func TestProvenanceLinesHoldTheFacts(t *testing.T) {
	s := seedSite(t, "/")
	for _, r := range s.Reports {
		lines := strings.Split(r.Text, "\n")
		line := func(n int) string {
			if n < 1 || n > len(lines) {
				t.Fatalf("%s: line %d out of range", r.Source, n)
			}
			return lines[n-1]
		}
		for _, is := range r.Issues {
			first := strings.Fields(is.Text)[0]
			if !strings.Contains(line(is.Line), first) {
				t.Errorf("%s issue %d: line %d %q lacks %q", r.Source, is.Number, is.Line, line(is.Line), first)
			}
			if is.Response != "" && !strings.Contains(strings.ToLower(line(is.ResponseLine)), "response") {
				t.Errorf("%s issue %d: response line %d is %q", r.Source, is.Number, is.ResponseLine, line(is.ResponseLine))
			}
		}
		for slug, rating := range r.Ratings {
			if n := r.Lines.Ratings[slug]; !strings.Contains(strings.ToLower(line(n)), strings.ToLower(rating)) {
				t.Errorf("%s %s: line %d %q lacks %q", r.Source, slug, n, line(n), rating)
			}
		}
		if r.Date != "" && r.Lines.Date == 0 {
			t.Errorf("%s: date %s has no source line", r.Source, r.Date)
		}
	}
	files := renderAll(t, s, nil)
	if !bytes.Contains(files["reports/mersey-cheshire-2018-04-05/index.html"], []byte(`href="/reports/mersey-cheshire-2018-04-05/source/#L`)) {
		t.Error("the report page does not link to its source lines")
	}
	if !bytes.Contains(files["reports/mersey-cheshire-2018-04-05/source/index.html"], []byte(`<li id="L46">`)) {
		t.Error("the source view does not number its lines")
	}
}

func TestSearchIndexIsSmall(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	html := 0
	for name, b := range files {
		if strings.HasSuffix(name, ".html") {
			html += len(b)
		}
	}
	idx := len(files["search/index.json"])
	if idx == 0 || idx*100 > html*15 {
		t.Errorf("search index is %d bytes, %.1f%% of %d bytes of HTML; keep it under 15%%", idx, 100*float64(idx)/float64(html), html)
	}
	if !bytes.Contains(files["search/index.json"], []byte(`"issue-3"`)) {
		t.Error("the index must carry each issue's anchor")
	}
}

// A second inspection of Mersey-Cheshire, with disclosure raised again and
// two ratings changed.
const followUp = `+++
title = "CPS Response to the follow-up inspection of CPS Mersey-Cheshire"
area = "Mersey-Cheshire"
date = 2020-03-01
[ratings]
casework-quality = "Good"
public-confidence = "Good"
continuously-improving = "Excellent"
success-of-cps-people = "Fair"
+++
Issues to address

1. The Area must still improve its handling of disclosure.
CPS response: We will.
`

func TestProgressBetweenInspections(t *testing.T) {
	s := seedSite(t, "/")
	cfg := s.Config
	p := report.NewParser(cfg)
	extra, ds := p.Parse("content/follow-up.md", []byte(followUp))
	if extra == nil {
		t.Fatal(ds)
	}
	var reports []*report.Report
	for _, r := range s.Reports {
		c := *r
		c.ID, c.URL = "", ""
		reports = append(reports, &c)
	}
	s2, _ := site.New(cfg, append(reports, extra))
	a := s2.Area("mersey-cheshire")
	if len(a.Changes) != 1 {
		t.Fatalf("%d changes", len(a.Changes))
	}
	c := a.Changes[0]
	if len(c.Repeated) != 1 || c.Repeated[0].Slug != "disclosure" {
		t.Errorf("repeated themes %v", c.Repeated)
	}
	if len(c.Ratings) != 2 || c.Ratings[0].Criterion.Slug != "casework-quality" || c.Ratings[0].From != "Fair" || c.Ratings[0].To != "Good" {
		t.Errorf("rating changes %+v", c.Ratings)
	}
	files := renderAll(t, s2, nil)
	area := string(files["areas/mersey-cheshire/index.html"])
	for _, want := range []string{"<a href=\"/themes/disclosure/\">Disclosure</a>", "<strong>Casework quality</strong>: Fair in April 2018; better, Good,", "<strong>Success of CPS people</strong>: Good in April 2018; worse, Fair,"} {
		if !strings.Contains(area, want) {
			t.Errorf("Area page lacks %q", want)
		}
	}
	if !strings.Contains(string(files["compare/index.html"]), `<a href="/areas/mersey-cheshire/#history">CPS Mersey-Cheshire</a>`) {
		t.Error("the compare page does not list the Area where disclosure was raised again")
	}
}
