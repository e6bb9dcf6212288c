package site_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/inspectsite/inspectsite/internal/corpus"
	"github.com/inspectsite/inspectsite/internal/opendata"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// jsonReport is what this test reads back from reports.json.
type jsonReport struct {
	AreaSlug  string            `json:"area_slug"`
	Date      string            `json:"date"`
	Programme string            `json:"programme"`
	Ratings   map[string]string `json:"ratings"`
	Issues    []struct {
		Themes []string `json:"themes"`
	} `json:"issues"`
}

// expected is one comparison counted again from reports.json alone.
type expected struct {
	withReport, inspections, unnumbered, unnumberedAreas int
	areas, issues, raising                               map[string]int // by theme
	ratings                                              map[string]int // "criterion/word"
}

// recount counts programme's inspections from reports.json the way the
// compare page says it does: documents of one Area, programme and date
// are one inspection (an undated document is its own), whose issues are
// its longest list; the latest view takes each Area's newest.
func recount(reports []jsonReport, programme string, latest bool) expected {
	type inspection struct {
		area, date string
		issues     [][]string
		ratings    map[string]string
	}
	var order []*inspection
	byKey := map[string]*inspection{}
	for i, r := range reports {
		if r.AreaSlug == "" || r.Programme != programme {
			continue
		}
		key := r.AreaSlug + "|" + r.Date
		if r.Date == "" {
			key += fmt.Sprint("#", i)
		}
		in := byKey[key]
		if in == nil {
			in = &inspection{area: r.AreaSlug, date: r.Date, ratings: map[string]string{}}
			byKey[key] = in
			order = append(order, in)
		}
		if len(r.Issues) > len(in.issues) {
			in.issues = nil
			for _, is := range r.Issues {
				in.issues = append(in.issues, is.Themes)
			}
		}
		for k, v := range r.Ratings {
			if _, ok := in.ratings[k]; !ok {
				in.ratings[k] = v
			}
		}
	}
	counted := map[string][]*inspection{} // by Area, oldest first (reports.json is by Area, then date)
	var areas []string
	for _, in := range order {
		if counted[in.area] == nil {
			areas = append(areas, in.area)
		}
		counted[in.area] = append(counted[in.area], in)
		if latest {
			counted[in.area] = counted[in.area][len(counted[in.area])-1:]
		}
	}
	e := expected{areas: map[string]int{}, issues: map[string]int{}, raising: map[string]int{}, ratings: map[string]int{}}
	for _, a := range areas {
		e.withReport++
		raised := map[string]bool{}
		allUnnumbered := true
		for _, in := range counted[a] {
			e.inspections++
			if len(in.issues) == 0 {
				e.unnumbered++
			} else {
				allUnnumbered = false
			}
			inRaised := map[string]bool{}
			for _, themes := range in.issues {
				for _, t := range themes {
					e.issues[t]++
					raised[t], inRaised[t] = true, true
				}
			}
			for t := range inRaised {
				e.raising[t]++
			}
			for k, v := range in.ratings {
				e.ratings[k+"/"+v]++
			}
		}
		if allUnnumbered {
			e.unnumberedAreas++
		}
		for t := range raised {
			e.areas[t]++
		}
	}
	return e
}

// TestCompareAt300Documents builds 300 generated documents and checks the
// comparisons against reports.json: every count, and no leader named on
// a tie.
func TestCompareAt300Documents(t *testing.T) {
	cfg := defaults(t)
	p := report.NewParser(cfg)
	var reports []*report.Report
	for _, d := range corpus.Generate(cfg, 300) {
		r, _ := p.Parse("content/"+d.Name, d.Text)
		if r == nil {
			t.Fatalf("%s not read", d.Name)
		}
		reports = append(reports, r)
	}
	s, _ := site.New(cfg, reports)
	b, err := opendata.ReportsJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Reports []jsonReport }
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reports) != 300 {
		t.Fatalf("%d reports in reports.json", len(doc.Reports))
	}
	programmes := map[string]bool{}
	for _, r := range doc.Reports {
		if r.AreaSlug != "" {
			programmes[r.Programme] = true
		}
	}
	if len(s.Comparisons) != 2*len(programmes) {
		t.Errorf("%d comparisons for %d programmes with Area reports, want a latest and an all view each", len(s.Comparisons), len(programmes))
	}
	ties, leaders := 0, 0
	for _, c := range s.Comparisons {
		want := recount(doc.Reports, c.Programme.ID, c.View == site.LatestView)
		name := c.Slug
		if c.WithReport != want.withReport || c.Inspections != want.inspections || c.Unnumbered != want.unnumbered || c.UnnumberedAreas != want.unnumberedAreas {
			t.Errorf("%s: %d Areas, %d inspections, %d unnumbered in %d Areas; reports.json gives %d, %d, %d in %d",
				name, c.WithReport, c.Inspections, c.Unnumbered, c.UnnumberedAreas, want.withReport, want.inspections, want.unnumbered, want.unnumberedAreas)
		}
		most := 0
		for _, tt := range c.Themes {
			slug := tt.Theme.Slug
			if tt.Areas != want.areas[slug] || tt.Issues != want.issues[slug] || tt.Inspections != want.raising[slug] {
				t.Errorf("%s %s: %d Areas, %d issues, %d inspections; reports.json gives %d, %d, %d",
					name, slug, tt.Areas, tt.Issues, tt.Inspections, want.areas[slug], want.issues[slug], want.raising[slug])
			}
			if tt.Areas > c.WithReport {
				t.Errorf("%s %s: raised in %d of %d Areas", name, slug, tt.Areas, c.WithReport)
			}
			most = max(most, want.areas[slug])
		}
		var top []string
		for _, th := range cfg.Themes {
			if most > 0 && want.areas[th.Slug] == most {
				top = append(top, th.Slug)
			}
		}
		if got := leadSlugs(c.Lead); !slices.Equal(got, top) || c.Lead.Areas != most {
			t.Errorf("%s: lead %v in %d Areas, reports.json gives %v in %d", name, got, c.Lead.Areas, top, most)
		}
		switch {
		case len(top) > 1:
			ties++
			if c.Lead.Leader() != nil {
				t.Errorf("%s: %d themes tie on %d Areas, yet %q is named the leader", name, len(top), most, c.Lead.Leader().Slug)
			}
		case len(top) == 1:
			leaders++
			if l := c.Lead.Leader(); l == nil || l.Slug != top[0] {
				t.Errorf("%s: %s alone is raised in the most Areas, yet the leader is %v", name, top[0], l)
			}
		}
		for _, rt := range c.Ratings {
			for i, word := range cfg.Ratings {
				if got, w := rt.Counts[i], want.ratings[rt.Criterion.Slug+"/"+word]; got != w {
					t.Errorf("%s: %s %s given %d times, reports.json gives %d", name, rt.Criterion.Slug, word, got, w)
				}
			}
		}
	}
	// At this size most themes reach every Area in the all view: the
	// test must have met ties, or it has not tested them.
	if ties == 0 {
		t.Error("no comparison had a tie at 300 documents")
	}
	t.Logf("%d comparisons: %d with a tie, %d with one leader", len(s.Comparisons), ties, leaders)
	checkThemesCSV(t, s)
}

// checkThemesCSV reads data/compare-themes.csv back: its counts are the
// model's, and "most_areas" says "tied", never "yes", on a tie.
func checkThemesCSV(t *testing.T, s *site.Site) {
	b, err := opendata.Bytes(opendata.WriteCompareThemesCSV, s)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	i := 1
	for _, c := range s.Comparisons {
		for _, tt := range c.Themes {
			row := rows[i]
			i++
			if row[0] != c.Programme.ID || row[1] != c.View.Slug() || row[2] != tt.Theme.Slug ||
				row[3] != fmt.Sprint(tt.Areas) || row[4] != fmt.Sprint(c.WithReport) || row[5] != fmt.Sprint(tt.Issues) {
				t.Errorf("compare-themes.csv row %d = %v; model: %s %s %d of %d, %d issues", i, row, c.Slug, tt.Theme.Slug, tt.Areas, c.WithReport, tt.Issues)
			}
			want := ""
			if slices.Contains(c.Lead.Themes, tt.Theme) {
				want = "yes"
				if c.Lead.Tied() {
					want = "tied"
				}
			}
			if row[10] != want {
				t.Errorf("compare-themes.csv row %d: most_areas %q, want %q", i, row[10], want)
			}
		}
	}
	if i != len(rows) {
		t.Errorf("compare-themes.csv has %d rows, the model %d", len(rows)-1, i-1)
	}
}
