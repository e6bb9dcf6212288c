package site_test

import (
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

func defaults(t *testing.T) *config.Config {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return cfg
}

// doc is a report about one Area; issues lists each numbered issue's themes.
func doc(area, date, programme string, issues ...[]string) *report.Report {
	r := &report.Report{Source: "content/" + area + date + programme + ".txt", Area: area, AreaSlug: report.Slugify(area), Date: date, Programme: programme}
	for i, themes := range issues {
		r.Issues = append(r.Issues, report.Issue{Number: i + 1, Themes: themes})
	}
	return r
}

func build(t *testing.T, reports ...*report.Report) *site.Site {
	t.Helper()
	s, ds := site.New(defaults(t), reports)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return s
}

func comparison(t *testing.T, s *site.Site, programme string, v site.View) *site.Comparison {
	t.Helper()
	for _, c := range s.ComparisonsOf(programme) {
		if c.View == v {
			return c
		}
	}
	t.Fatalf("no %s %s comparison", programme, v.Slug())
	return nil
}

func tally(c *site.Comparison, theme string) site.ThemeTally {
	for _, t := range c.Themes {
		if t.Theme.Slug == theme {
			return t
		}
	}
	return site.ThemeTally{}
}

func leadSlugs(l site.Lead) []string {
	var out []string
	for _, t := range l.Themes {
		out = append(out, t.Slug)
	}
	return out
}

func TestLeaderOnlyWhenUnique(t *testing.T) {
	tied := build(t,
		doc("Wessex", "2017-01-10", "AAP", []string{"disclosure"}),
		doc("North East", "2017-02-10", "AAP", []string{"training"}),
	)
	c := comparison(t, tied, "AAP", site.LatestView)
	if c.Lead.Leader() != nil || !c.Lead.Tied() || len(c.Lead.Themes) != 2 || c.Lead.Areas != 1 {
		t.Errorf("two themes in one Area each: lead %v in %d Areas, leader %v", leadSlugs(c.Lead), c.Lead.Areas, c.Lead.Leader())
	}
	unique := build(t,
		doc("Wessex", "2017-01-10", "AAP", []string{"disclosure"}),
		doc("North East", "2017-02-10", "AAP", []string{"training"}, []string{"disclosure"}),
	)
	c = comparison(t, unique, "AAP", site.LatestView)
	if l := c.Lead.Leader(); l == nil || l.Slug != "disclosure" || c.Lead.Areas != 2 || c.Lead.Tied() {
		t.Errorf("disclosure in 2 Areas, training in 1: lead %v", leadSlugs(c.Lead))
	}
	none := build(t, doc("Wessex", "2017-01-10", "AAP"))
	if c := comparison(t, none, "AAP", site.LatestView); c.Lead.Leader() != nil || c.Lead.Tied() {
		t.Errorf("nothing raised, yet lead %v", leadSlugs(c.Lead))
	}
}

func TestLatestAndAllViews(t *testing.T) {
	s := build(t,
		doc("Wessex", "2016-05-01", "AAP", []string{"disclosure"}),
		doc("Wessex", "2018-05-01", "AAP", []string{"training"}),
		doc("North East", "2017-05-01", "AAP", []string{"training"}),
	)
	latest, all := comparison(t, s, "AAP", site.LatestView), comparison(t, s, "AAP", site.AllView)
	if latest.WithReport != 2 || latest.Inspections != 2 || all.WithReport != 2 || all.Inspections != 3 {
		t.Errorf("latest counts %d inspections in %d Areas, all %d in %d; want 2 in 2 and 3 in 2", latest.Inspections, latest.WithReport, all.Inspections, all.WithReport)
	}
	if n := tally(latest, "disclosure").Areas; n != 0 {
		t.Errorf("latest view: disclosure in %d Areas, but Wessex's latest inspection does not raise it", n)
	}
	if n := tally(all, "disclosure").Areas; n != 1 {
		t.Errorf("all view: disclosure in %d Areas, want 1", n)
	}
	if n := tally(all, "training"); n.Areas != 2 || n.Inspections != 2 {
		t.Errorf("all view: training in %d Areas, %d inspections", n.Areas, n.Inspections)
	}
}

func TestProgrammesAreNotAddedTogether(t *testing.T) {
	s := build(t,
		doc("Wessex", "2017-05-01", "AAP", []string{"disclosure"}),
		doc("Wessex", "2022-05-01", "AIP-baseline", []string{"disclosure"}),
		doc("North East", "2022-06-01", "AIP-baseline", []string{"training"}),
		doc("South East", "2023-06-01", "AIP-follow-up", []string{"training"}),
	)
	var order []string
	for _, c := range s.Comparisons {
		order = append(order, c.Slug)
	}
	want := []string{"aap-latest", "aap-all", "aip-baseline-latest", "aip-baseline-all", "aip-follow-up-latest", "aip-follow-up-all"}
	if len(order) != len(want) {
		t.Fatalf("comparisons %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("comparisons %v, want %v (programmes in the order they began)", order, want)
		}
	}
	aap, base := comparison(t, s, "AAP", site.AllView), comparison(t, s, "AIP-baseline", site.AllView)
	if aap.WithReport != 1 || base.WithReport != 2 || tally(base, "training").Areas != 1 || tally(aap, "training").Areas != 0 {
		t.Errorf("AAP %d Areas, baseline %d Areas", aap.WithReport, base.WithReport)
	}
}

func TestNoNumberedIssuesIsNotZeroProblems(t *testing.T) {
	summary := doc("Wessex", "2017-05-01", "AAP")
	summary.NarrativeThemes = []string{"police-file-quality"}
	s := build(t, summary, doc("North East", "2017-06-01", "AAP", []string{"training"}))
	c := comparison(t, s, "AAP", site.LatestView)
	if c.UnnumberedAreas != 1 || c.Unnumbered != 1 || c.WithReport != 2 {
		t.Errorf("%d of %d Areas with no numbered issues (%d inspections), want 1 of 2", c.UnnumberedAreas, c.WithReport, c.Unnumbered)
	}
	pfq := tally(c, "police-file-quality")
	if pfq.Areas != 0 || pfq.NarrativeAreas != 1 {
		t.Errorf("police file quality: %d Areas by numbered issues, %d by narrative; want 0 and 1", pfq.Areas, pfq.NarrativeAreas)
	}
	for _, row := range c.Rows {
		if row.Area.Slug == "wessex" && (!row.Unnumbered || len(row.NarrativeThemes) != 1) {
			t.Errorf("Wessex row: unnumbered %v, narrative %v", row.Unnumbered, row.NarrativeThemes)
		}
		if row.Area.Slug == "london-north" && row.HasReport() {
			t.Error("London North has no report, yet a row with one")
		}
	}
}

func TestOneInspectionTwoDocuments(t *testing.T) {
	response := doc("Wessex", "2017-05-01", "AAP", []string{"disclosure"}, []string{"training"})
	response.Kind = "cps-response"
	summary := doc("Wessex", "2017-05-01", "AAP", []string{"disclosure"}, []string{"training"})
	summary.Source, summary.Kind, summary.ID = "content/summary.txt", "hmcpsi-summary", "wessex-summary"
	summary.Ratings = map[string]string{"casework-quality": "Fair"}
	s := build(t, response, summary)
	a := s.Area("wessex")
	if len(a.Inspections) != 1 || len(a.Inspections[0].Reports) != 2 {
		t.Fatalf("%d inspections", len(a.Inspections))
	}
	in := a.Inspections[0]
	c := comparison(t, s, "AAP", site.AllView)
	if in.Issues != 2 || tally(c, "disclosure").Issues != 1 || c.Inspections != 1 || in.Ratings["casework-quality"] != "Fair" {
		t.Errorf("one inspection of 2 issues, counted once: %d issues, disclosure %d, %d inspections", in.Issues, tally(c, "disclosure").Issues, c.Inspections)
	}
}

func TestRaisedAgain(t *testing.T) {
	s := build(t,
		doc("Wessex", "2016-05-01", "AAP", []string{"disclosure"}, []string{"training"}),
		doc("Wessex", "2019-05-01", "AAP", []string{"training"}),
		doc("Wessex", "2022-05-01", "AIP-baseline", []string{"disclosure"}),
		doc("North East", "2017-05-01", "AAP", []string{"disclosure"}),
	)
	latest, all := s.RaisedAgain[0], s.RaisedAgain[1]
	if latest.View != site.LatestView || all.View != site.AllView || latest.Eligible != 1 {
		t.Fatalf("views %v %v, %d eligible", latest.View, all.View, latest.Eligible)
	}
	// The latest inspection (disclosure) follows one that raised only
	// training: nothing raised again in the latest view.
	if len(latest.Themes) != 0 {
		t.Errorf("latest view: %d themes raised again, want none", len(latest.Themes))
	}
	if len(all.Themes) != 1 || all.Themes[0].Theme.Slug != "training" || all.Themes[0].Areas != 1 {
		t.Errorf("all view: %+v, want training in 1 Area", all.Themes)
	}
}

func TestJointResponsesLinkBothWays(t *testing.T) {
	r := doc("London South", "2018-10-25", "AAP", []string{"resources"}, []string{"training"})
	r.Issues[0].JointWith = []string{"London North"}
	s := build(t, r)
	north := s.Area("london-north")
	if len(north.Reports) != 0 || len(north.Shared) != 1 || north.Shared[0].From.Slug != "london-south" || len(north.Shared[0].Items) != 1 || north.Shared[0].Items[0].Issue.Number != 1 {
		t.Fatalf("London North shared: %+v", north.Shared)
	}
	if got := s.JointAreas(&r.Issues[0]); len(got) != 1 || got[0] != north {
		t.Errorf("joint areas of issue 1: %v", got)
	}
	if len(s.Area("london-south").Shared) != 0 {
		t.Error("London South shares with itself")
	}
}
