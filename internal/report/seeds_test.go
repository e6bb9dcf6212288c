package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
)

// label is a hand label file from ../shared/seeds/expected.
type label struct {
	Title      string            `toml:"title"`
	Area       string            `toml:"area"`
	Date       string            `toml:"date"`
	Programme  string            `toml:"programme"`
	Kind       string            `toml:"kind"`
	IssueCount int               `toml:"issue_count"`
	Ratings    map[string]string `toml:"ratings"`
	Issues     []struct {
		Number         int      `toml:"number"`
		TextStarts     string   `toml:"text_starts"`
		ResponseStarts string   `toml:"response_starts"`
		ResponseCovers []int    `toml:"response_covers"`
		JointWith      []string `toml:"joint_with"`
		Themes         []string `toml:"themes"`
	} `toml:"issue"`
}

func defaultParser(t testing.TB) *report.Parser {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatalf("default site.toml: %v", ds)
	}
	return report.NewParser(cfg)
}

// labelDir prefers the shared seeds beside the repository, and falls back to
// the copy in testdata; when both exist they must agree.
func labelDir(t *testing.T) string {
	local := "testdata/expected"
	shared := "../../../shared/seeds/expected"
	if _, err := os.Stat(shared); err != nil {
		return local
	}
	files, _ := filepath.Glob(filepath.Join(shared, "*.toml"))
	for _, f := range files {
		a, _ := os.ReadFile(f)
		b, err := os.ReadFile(filepath.Join(local, filepath.Base(f)))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("testdata/expected/%s differs from %s: copy it again", filepath.Base(f), f)
		}
	}
	return shared
}

func TestSeedLabels(t *testing.T) {
	p := defaultParser(t)
	files, _ := filepath.Glob(filepath.Join(labelDir(t), "*.toml"))
	if len(files) == 0 {
		t.Fatal("no label files found")
	}
	var tp, fp, fn int
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".toml")
		t.Run(name, func(t *testing.T) {
			var want label
			if _, err := toml.DecodeFile(f, &want); err != nil {
				t.Fatal(err)
			}
			src := "content/" + name + ".txt"
			data, err := os.ReadFile("../../" + src)
			if err != nil {
				t.Fatal(err)
			}
			got, ds := p.Parse(src, data)
			if got == nil {
				t.Fatalf("not parsed: %v", ds)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", got.Title, want.Title)
			check("area", got.Area, want.Area)
			check("date", got.Date, want.Date)
			check("programme", got.Programme, want.Programme)
			check("kind", got.Kind, want.Kind)
			if want.Ratings == nil {
				want.Ratings = map[string]string{}
			}
			if !reflect.DeepEqual(got.Ratings, want.Ratings) {
				t.Errorf("ratings = %v, want %v", got.Ratings, want.Ratings)
			}
			if len(got.Issues) != want.IssueCount {
				t.Errorf("%d issues, want %d", len(got.Issues), want.IssueCount)
			}
			byNum := map[int]report.Issue{}
			for _, is := range got.Issues {
				byNum[is.Number] = is
			}
			for _, wi := range want.Issues {
				gi, ok := byNum[wi.Number]
				if !ok {
					t.Errorf("issue %d missing", wi.Number)
					fn += len(wi.Themes)
					continue
				}
				if !strings.HasPrefix(gi.Text, wi.TextStarts) {
					t.Errorf("issue %d text = %.80q, want start %q", wi.Number, gi.Text, wi.TextStarts)
				}
				if !strings.HasPrefix(gi.Response, wi.ResponseStarts) {
					t.Errorf("issue %d response = %.80q, want start %q", wi.Number, gi.Response, wi.ResponseStarts)
				}
				covers := wi.ResponseCovers
				if covers == nil {
					covers = []int{wi.Number}
				}
				if !reflect.DeepEqual(gi.ResponseCovers, covers) {
					t.Errorf("issue %d response_covers = %v, want %v", wi.Number, gi.ResponseCovers, covers)
				}
				joint := wi.JointWith
				if joint == nil {
					joint = []string{}
				}
				if !reflect.DeepEqual(gi.JointWith, joint) {
					t.Errorf("issue %d joint_with = %v, want %v", wi.Number, gi.JointWith, joint)
				}
				want := map[string]bool{}
				for _, th := range wi.Themes {
					want[th] = true
				}
				for _, th := range gi.Themes {
					if want[th] {
						tp++
						delete(want, th)
					} else {
						fp++
						t.Logf("issue %d: extra theme %s (terms %v)", wi.Number, th, gi.ThemeTerms.Of(th))
					}
				}
				for th := range want {
					fn++
					t.Logf("issue %d: missing theme %s", wi.Number, th)
				}
			}
		})
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("themes: precision %.3f, recall %.3f (%d right, %d extra, %d missed)", precision, recall, tp, fp, fn)
	if precision < 0.9 || recall < 0.9 {
		t.Errorf("theme precision %.3f and recall %.3f must both be at least 0.9", precision, recall)
	}
}
