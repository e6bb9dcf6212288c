package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspectsite/inspectsite/internal/report"
)

// Explain reads one document with the site's configuration and writes, for
// a person, each field's value, the line it came from and why other
// candidates lost, then the document's diagnostics. file is a path as given
// on the command line; within opts.Source it is reported relative to it
// (content/x.txt). It returns an error when the document cannot be read.
func Explain(opts Options, file string, w io.Writer) error {
	cfg, ds := LoadConfig(os.DirFS(opts.Source), ConfigName(opts))
	if cfg == nil {
		return fmt.Errorf("%v", ds)
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, cfg.MaxDocumentBytes+1))
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	src := filepath.ToSlash(file)
	if rel, err := filepath.Rel(opts.Source, file); err == nil && !strings.HasPrefix(rel, "..") {
		src = filepath.ToSlash(rel)
	}
	r, ex, ds := report.NewParser(cfg).Explain(src, data)
	if r == nil {
		for _, d := range ds {
			fmt.Fprintln(w, d)
		}
		return fmt.Errorf("%s: not read", src)
	}
	if _, err := ex.WriteTo(w); err != nil {
		return err
	}
	if len(ds) > 0 {
		fmt.Fprintln(w, "\ndiagnostics:")
		for _, d := range ds {
			fmt.Fprintln(w, " ", d)
		}
	}
	return nil
}
