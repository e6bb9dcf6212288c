package render

import (
	"bytes"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// generatedRun is a run over n generated documents with theme pages of
// pageSize issues, so that theme pages span several Areas.
func generatedRun(t *testing.T, n, pageSize int) *run {
	t.Helper()
	cfg, err := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.PageSize = pageSize
	p := report.NewParser(cfg)
	var rs []*report.Report
	for _, d := range corpus.Generate(cfg, n) {
		r, _ := p.Parse("content/"+d.Name, d.Text)
		rs = append(rs, r)
	}
	s, _ := site.New(cfg, rs)
	tmpl, terr := LoadTemplates(nil)
	if terr != nil {
		t.Fatal(terr)
	}
	return newRun(s, tmpl, func(string, []byte) error { return nil })
}

// The schedule renders every page once, and a report's page before every
// theme page showing its issues, so that the theme pages reuse the
// fragments the report page rendered; the page list keeps its order.
func TestScheduleRendersReportsBeforeTheirThemePages(t *testing.T) {
	r := generatedRun(t, 300, 7)
	before := append([]*pageSpec(nil), r.pages...)
	sc := newSchedule(r.s, r.pages)
	if len(sc.order) != len(r.pages) {
		t.Fatalf("schedule has %d pages, the site %d", len(sc.order), len(r.pages))
	}
	for i := range before {
		if r.pages[i] != before[i] {
			t.Fatal("the schedule changed the page list's order (the sitemap's)")
		}
	}
	at := map[*pageSpec]int{}
	reportAt := map[*report.Report]int{}
	for i, p := range sc.order {
		if _, dup := at[p]; dup {
			t.Fatalf("%s scheduled twice", p.Path)
		}
		at[p] = i
		if d, ok := p.Data.(reportData); ok {
			reportAt[d.R] = i
		}
	}
	spans := 0
	for _, p := range sc.order {
		d, ok := p.Data.(themeData)
		if !ok {
			continue
		}
		if len(d.Groups) > 1 {
			spans++
		}
		for _, g := range d.Groups {
			for _, it := range g.Items {
				if reportAt[it.Report] > at[p] {
					t.Errorf("%s is rendered before %s, whose issues it shows", p.Path, it.Report.URL)
				}
			}
		}
	}
	if spans == 0 {
		t.Fatal("no theme page spans two Areas: the test shows nothing")
	}
	// Rendered in this order one page at a time, the reports whose
	// fragments are held (their page done, a theme page showing them not
	// yet) are a few Areas' worth, never most of the site's.
	left := map[*report.Report]int{}
	for r, n := range sc.left {
		left[r] = int(n.Load())
	}
	held, most := map[*report.Report]bool{}, 0
	for _, p := range sc.order {
		for _, r := range sc.uses[p] {
			if _, own := p.Data.(reportData); own {
				held[r] = true // its page renders its fragments
			}
			if left[r]--; left[r] == 0 {
				delete(held, r)
			}
		}
		most = max(most, len(held))
	}
	t.Logf("at most %d of %d reports' fragments held", most, len(r.s.Reports))
	if most == 0 || most > len(r.s.Reports)/4 {
		t.Fatalf("up to %d of %d reports' fragments held at once", most, len(r.s.Reports))
	}
}

// Fragments reused across pages are the partials' own bytes, and a run
// holds none of them once its pages are done.
func TestIssueFragmentsAreThePartialsAndAreReleased(t *testing.T) {
	r := generatedRun(t, 300, 7)
	if _, err := r.all(nil, false); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, x := range r.views.m {
		for _, is := range x.Issues {
			is.frags.mu.Lock()
			held, done := len(is.frags.names), is.frags.done
			is.frags.mu.Unlock()
			if held > 0 || !done {
				t.Fatalf("%s: %d fragments held after the run (released %v)", is.URL, held, done)
			}
			for _, name := range []string{"response", "commitments"} {
				got, err := is.Cached(name)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				if err := r.t.common.ExecuteTemplate(&want, name, is); err != nil {
					t.Fatal(err)
				}
				if string(got) != want.String() {
					t.Fatalf("%s: Cached %q differs from the partial", is.URL, name)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no issue rendered")
	}
}
