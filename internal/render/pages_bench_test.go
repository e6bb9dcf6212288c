package render

import (
	"os"
	"testing"

	"path/filepath"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// BenchmarkPages renders one page of each heavy type from the seeds: the
// frame alone (404), a report, its source view and a theme page.
func BenchmarkPages(b *testing.B) {
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	p := report.NewParser(cfg)
	names, _ := filepath.Glob("../../content/*.txt")
	var rs []*report.Report
	for _, n := range names {
		data, _ := os.ReadFile(n)
		r, _ := p.Parse("content/"+filepath.Base(n), data)
		rs = append(rs, r)
	}
	s, _ := site.New(cfg, rs)
	tmpl, _ := LoadTemplates(nil)
	r := newRun(s, tmpl, func(string, []byte) error { return nil })
	r.assets()
	for _, name := range []string{"404.html", "report.html", "source.html", "theme.html"} {
		var pg *pageSpec
		for _, x := range r.pages {
			if x.Template == name {
				pg = x
				break
			}
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := r.page(pg, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
