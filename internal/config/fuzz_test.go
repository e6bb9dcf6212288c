package config_test

import (
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/render"
	"github.com/inspectsite/inspectsite/internal/report"
)

const fuzzDoc = "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n01/02/2020\n\n" +
	"Casework quality: Good\n\nIssues to address\n\n1. Improve the quality of letters to victims.\nCPS response: Training is planned.\n"

// FuzzConfig loads any site.toml and, when it is accepted, reads a document
// with it and renders the whole site: no configuration may panic a build
// or the preview server, which runs the same steps on every save.
func FuzzConfig(f *testing.F) {
	f.Add([]byte(inspectsite.DefaultConfig))
	for _, s := range []string{
		"[glossary]\n\"\" = \"x\"\n", "[glossary]\nCPS = \"a\"\ncps = \"b\"\n", "[glossary]\n\"Ŵ\" = \"x\"\n",
		"ratings = [\"Éxcellent\"]\n", "criterion = []\n", "theme = []\n", "area = []\nkind = []\nprogramme = []\n",
		"[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"**\", \"(.*)\"]\n", "contact_url = \"javascript:x\"\n",
		"language = \"\"\n", "page_size = 1\nratings = [\"A\"]\n", "[extract]\nissue_headings = [\"x\"]\nresponse_labels = [\"y\"]\nissue_nouns = []\n",
	} {
		f.Add([]byte(s))
	}
	base, ds := config.Parse("(built-in site.toml)", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		f.Fatal(ds)
	}
	theme, err := render.LoadTemplates(fstest.MapFS{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, ds := config.Parse("site.toml", src, base)
		if cfg == nil {
			if len(ds) == 0 {
				t.Fatal("refused without a diagnostic")
			}
			for _, d := range ds {
				if d.Path != "site.toml" || d.Message == "" {
					t.Fatalf("diagnostic without its file or text: %+v", d)
				}
			}
			return
		}
		p := report.NewParser(cfg)
		r, _ := p.Parse("content/x.txt", []byte(fuzzDoc))
		var list diag.List
		s := build.Model(cfg, []build.Parsed{{Report: r}}, &list)
		if _, err := render.Site(s, theme, func(string, []byte) error { return nil }); err != nil {
			t.Fatalf("an accepted site.toml fails to render: %v", err)
		}
	})
}
