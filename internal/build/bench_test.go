package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/render"
	"github.com/inspectsite/inspectsite/internal/report"
)

var corpora sync.Map // n → site folder

// corpusSite writes a generated corpus of n documents once per test binary.
func corpusSite(b *testing.B, n int) string {
	if dir, ok := corpora.Load(n); ok {
		return dir.(string)
	}
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	dir, err := os.MkdirTemp("", fmt.Sprintf("inspectsite-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	for i, d := range corpus.Generate(cfg, n) {
		sub := filepath.Join(dir, "content", fmt.Sprintf("%03d", i/1000))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, d.Name), d.Text, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	corpora.Store(n, dir)
	return dir
}

func loaded(b *testing.B, n int) (*Result, Options) {
	opts := Options{Source: corpusSite(b, n)}
	res, err := Load(opts)
	if err != nil {
		b.Fatal(err)
	}
	return res, opts
}

// BenchmarkBuild is a whole build, read to write, into a fresh folder.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			src := corpusSite(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				dest := filepath.Join(b.TempDir(), "public")
				if _, err := Build(Options{Source: src, Dest: dest}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkModel arranges parsed reports into the site model.
func BenchmarkModel(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			src := corpusSite(b, n)
			fsys := os.DirFS(src)
			cfg, _ := LoadConfig(fsys, "site.toml")
			files, _ := Documents(fsys)
			parsed := ParseAll(fsys, files, report.NewParser(cfg), cfg.MaxDocumentBytes)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var list diag.List
				Model(cfg, parsed, &list)
			}
		})
	}
}

// BenchmarkRender renders every file of a modelled site to memory.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			res, _ := loaded(b, n)
			t, err := render.LoadTemplates(nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := render.Site(res.Site, t, func(string, []byte) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRebuildOneEdit is serve's rebuild after one document changed.
func BenchmarkRebuildOneEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			src := corpusSite(b, n)
			sess := NewSession(Options{Source: src})
			if res := sess.Rebuild(nil, true); res.Errors > 0 {
				b.Fatal(res.Diags)
			}
			name := "content/000/doc-000007.txt"
			if _, err := os.Stat(filepath.Join(src, name)); err != nil {
				name = "content/000/doc-000007.md"
			}
			orig, _ := os.ReadFile(filepath.Join(src, name))
			defer os.WriteFile(filepath.Join(src, name), orig, 0o644)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				os.WriteFile(filepath.Join(src, name), append(orig, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
				res := sess.Rebuild([]string{name}, false)
				if res.Errors > 0 {
					b.Fatal(res.Diags)
				}
				b.ReportMetric(float64(len(res.Rendered)), "pages-rendered")
			}
		})
	}
}
