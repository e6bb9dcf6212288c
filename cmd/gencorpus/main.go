// Command gencorpus writes a synthetic corpus for benchmarks:
//
//	go run ./cmd/gencorpus -n 10000 -out /tmp/corpus-10000
//
// makes /tmp/corpus-10000/content/ with 10,000 documents in the formats of
// the real seeds. The same -n always writes the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	out := flag.String("out", "", "site folder to create (its content/ must not exist)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -out DIR")
		os.Exit(2)
	}
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		fmt.Fprintln(os.Stderr, ds)
		os.Exit(1)
	}
	dir := filepath.Join(*out, "content")
	if _, err := os.Stat(dir); err == nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s exists; choose a new -out\n", dir)
		os.Exit(2)
	}
	total := 0
	for i, d := range corpus.Generate(cfg, *n) {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000)) // at most 1,000 files a folder
		if err := os.MkdirAll(sub, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(sub, d.Name), d.Text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		total += len(d.Text)
	}
	fmt.Printf("wrote %d documents (%d bytes) to %s\n", *n, total, dir)
}
