package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/inspectsite/inspectsite/internal/corpus"
)

var dumpTo = flag.String("dump", "", "write every field Parse and Explain give for each test document to this file")

// TestDump writes, for every document the tests and benchmarks read, every
// field of Parse's Report (all of them, not only those reports.json shows),
// its diagnostics and Explain's account, so that a change meant to keep the
// reader's output (a speed-up) can be checked against a dump made before
// it: go test -run TestDump -dump before.txt, change, dump again, compare.
func TestDump(t *testing.T) {
	if *dumpTo == "" {
		t.Skip("no -dump file given")
	}
	p := fuzzParser(t)
	var names []string
	// The seeds as published (without the front matter content/ gives
	// two of them) are in the shared folder of the project's machines.
	for _, g := range []string{"../../content/*", "/work/shared/seeds/*.txt", "testdata/*/raw/*", "testdata/*/*/raw/*"} {
		m, _ := filepath.Glob(g)
		names = append(names, m...)
	}
	sort.Strings(names)
	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{n, b})
	}
	for _, d := range corpus.Generate(p.cfg, 200) {
		docs = append(docs, doc{"generated/" + d.Name, d.Text})
	}
	var out bytes.Buffer
	for _, d := range docs {
		for _, src := range []string{"content/" + filepath.Base(d.name), "content/x.md"} {
			r, ds := p.Parse(src, d.data)
			if r != nil {
				r.Digest = [32]byte{}
			}
			fmt.Fprintf(&out, "== %s as %s\n%#v\n%#v\n", d.name, src, r, ds)
			if r != nil {
				fmt.Fprintf(&out, "%#v\n", *r)
			}
			r, ex, ds := p.Explain(src, d.data)
			if r != nil {
				r.Digest = [32]byte{}
				fmt.Fprintf(&out, "%#v\n", *r)
			}
			fmt.Fprintf(&out, "%#v\n", ds)
			if ex != nil {
				// Explain's ratings come from a map: fields in name order.
				sort.SliceStable(ex.Fields, func(i, j int) bool { return ex.Fields[i].Field < ex.Fields[j].Field })
				fmt.Fprintf(&out, "%#v\n", *ex)
			}
		}
	}
	t.Logf("%d documents", len(docs))
	if err := os.WriteFile(*dumpTo, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
