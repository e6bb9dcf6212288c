package report

import (
	"github.com/inspectsite/inspectsite/internal/corpus"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse reads the seed documents, reporting documents and bytes
// per second and allocations per document.
func BenchmarkParse(b *testing.B) {
	p := fuzzParser(b)
	files, _ := filepath.Glob("../../content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	var docs [][]byte
	total := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		total += len(d)
	}
	b.SetBytes(int64(total) / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if r, _ := p.Parse("content/x.txt", d); r == nil {
			b.Fatal("not parsed")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkParseGenerated reads documents of the generated corpus, the
// ones the whole-build benchmarks use.
func BenchmarkParseGenerated(b *testing.B) {
	p := fuzzParser(b)
	docs := corpus.Generate(p.cfg, 200)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total) / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if r, _ := p.Parse("content/"+d.Name, d.Text); r == nil {
			b.Fatal("not parsed")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
