package config_test

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
)

func defaults(t *testing.T) *config.Config {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatalf("built-in site.toml: %v", ds)
	}
	return cfg
}

func TestDefaultVocabulary(t *testing.T) {
	cfg := defaults(t)
	if len(cfg.Areas) != 14 {
		t.Errorf("%d Areas, want 14", len(cfg.Areas))
	}
	if len(cfg.Criteria) != 4 {
		t.Errorf("%d criteria, want 4", len(cfg.Criteria))
	}
	want := []string{"disclosure", "victim-communication", "defence-engagement", "case-progression",
		"charging-and-case-analysis", "quality-assurance", "training", "police-file-quality",
		"community-engagement", "staff-engagement", "business-processes", "resources"}
	if len(cfg.Themes) != len(want) {
		t.Fatalf("%d themes, want %d", len(cfg.Themes), len(want))
	}
	for i, th := range cfg.Themes {
		if th.Slug != want[i] || th.Description == "" || len(th.Terms) < 5 {
			t.Errorf("theme %d = %q (%d terms), want %q with a description and terms", i, th.Slug, len(th.Terms), want[i])
		}
	}
	for _, abbr := range []string{"IQA", "CCP", "DCCP", "ABM", "SDCP", "VCL", "RASSO", "LSIP", "DRS", "NFQ", "TSJ", "BCM", "CJS", "HMCPSI", "AAP", "AIP"} {
		if cfg.Glossary[abbr] == "" {
			t.Errorf("glossary lacks %s", abbr)
		}
	}
}

func TestErrorsNameTheLine(t *testing.T) {
	base := defaults(t)
	cases := []struct {
		name, src, want string
		line            int
	}{
		{"unknown top-level key", "title = \"x\"\ncolour = \"red\"\n", `unknown key "colour"`, 2},
		{"unknown key in an area", "[[area]]\nname = \"A\"\nslug = \"a\"\n\n[[area]]\nname = \"B\"\nslug = \"b\"\nregion = \"x\"\n", `unknown key "area.region"`, 8},
		{"bad slug", "[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"x\"]\n[[theme]]\nslug = \"Bad Slug\"\ntitle = \"B\"\nterms = [\"y\"]\n", `slug "Bad Slug"`, 6},
		{"wrong type", "title = \"x\"\npage_size = \"ten\"\n", "page_size", 2},
		{"syntax error", "title = \"x\"\n[[area]\n", "", 2},
		{"zero page size", "\n\npage_size = 0\n", "page_size must be at least 1", 3},
		{"bad base url", "base_url = \"example.org\"\n", "base_url", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := config.Parse("site.toml", []byte(tc.src), base)
			if cfg != nil || len(ds) == 0 {
				t.Fatalf("accepted: %+v", cfg)
			}
			d := ds[0]
			if d.Line != tc.line || !strings.Contains(d.String(), tc.want) || !strings.HasPrefix(d.String(), "site.toml:") {
				t.Errorf("got %q, want site.toml:%d with %q", d.String(), tc.line, tc.want)
			}
		})
	}
}

func TestPartialConfigKeepsDefaults(t *testing.T) {
	base := defaults(t)
	cfg, ds := config.Parse("site.toml", []byte("title = \"My site\"\nbase_url = \"https://example.org/sub\"\n"), base)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if cfg.Title != "My site" || len(cfg.Areas) != 14 || len(cfg.Themes) != 12 {
		t.Errorf("got title %q, %d areas, %d themes", cfg.Title, len(cfg.Areas), len(cfg.Themes))
	}
	if cfg.BasePath() != "/sub/" || cfg.AbsURL("/reports/") != "https://example.org/sub/reports/" {
		t.Errorf("BasePath %q AbsURL %q", cfg.BasePath(), cfg.AbsURL("/reports/"))
	}
}
