package site_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

func seedSite(t *testing.T) *site.Site {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	p := report.NewParser(cfg)
	files, _ := filepath.Glob("../../content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	var reports []*report.Report
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := p.Parse("content/"+filepath.Base(f), data)
		reports = append(reports, r)
	}
	s, _ := site.New(cfg, reports)
	return s
}

func TestCommitmentsByAreaOwnerAndTimeframe(t *testing.T) {
	s := seedSite(t)
	c := s.Commitments
	// The newest dated document is London South's of 25 October 2018;
	// North West's states no date.
	if c.AsOf != "2018-10-25" {
		t.Errorf("AsOf = %q, want the newest document's date", c.AsOf)
	}
	if len(c.All) != 79 {
		t.Errorf("%d commitments, want 79 (a combined response counted once)", len(c.All))
	}
	// Passed by 25 October 2018 and not done: East Midlands' strategy for
	// early 2017, and Mersey-Cheshire's panel meeting in June 2018; not its
	// plan for 2018/19, which runs to March 2019, nor the plan developed
	// for April 2018, which is done.
	want := map[string]int{"east-midlands": 1, "mersey-cheshire": 1, "london-south": 0, "north-west": 0}
	for slug, n := range want {
		ac := c.ForArea(slug)
		if ac == nil || ac.Passed != n {
			t.Errorf("%s: %+v, want %d passed", slug, ac, n)
		}
	}
	if c.Passed != 2 || c.ForArea("east-of-england") != nil {
		t.Errorf("passed %d, want 2; East of England (a summary) has none", c.Passed)
	}
	// Owners in site.toml order.
	for i := 1; i < len(c.ByOwner); i++ {
		if indexOfRole(s, c.ByOwner[i-1].Role.Slug) > indexOfRole(s, c.ByOwner[i].Role.Slug) {
			t.Errorf("owners out of order: %s before %s", c.ByOwner[i-1].Role.Slug, c.ByOwner[i].Role.Slug)
		}
	}
	// Timeframes: years ascending, then undated, then none.
	g := c.ByTimeframe
	if len(g) < 3 || g[0].Kind != "due" || g[0].Year != "2017" || g[len(g)-1].Kind != "none" {
		t.Fatalf("timeframe groups %+v", g)
	}
	total := 0
	for _, tg := range g {
		total += len(tg.Items)
	}
	if total != len(c.All) {
		t.Errorf("timeframe groups hold %d, want %d", total, len(c.All))
	}
	// A combined response's commitments belong to the themes of every
	// issue it answers: Mersey-Cheshire's response to 1 & 3 (charging).
	found := false
	for _, ref := range c.ForTheme("charging-and-case-analysis") {
		if ref.Report.AreaSlug == "mersey-cheshire" && ref.Issue.Number == 1 {
			found = true
		}
	}
	if !found {
		t.Error("the response to issues 1 & 3 is missing from charging-and-case-analysis")
	}
}

func indexOfRole(s *site.Site, slug string) int {
	for i, r := range s.Config.Roles {
		if r.Slug == slug {
			return i
		}
	}
	return -1
}
