package build

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/output"
	"github.com/inspectsite/inspectsite/internal/render"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Options say what to build and where.
type Options struct {
	Source     string // the site folder
	Dest       string // output folder; default Source/public
	ConfigFile string // path of site.toml inside Source; default "site.toml"
	BaseURL    string // overrides base_url when not ""
	Strict     bool   // warnings and errors are fatal
}

// Result is what a build did.
type Result struct {
	Site     *site.Site
	Diags    []diag.Diagnostic
	Errors   int
	Warnings int
	Files    int // files in the site
	Written  int // files whose bytes changed
	// Compared counts the previous site's files read back to compare with
	// the new bytes, where its manifest could not vouch for them.
	Compared int
	// Rendered lists the pages a serve rebuild rendered again (the others
	// came from its cache), sorted.
	Rendered []string
	// Reread lists the documents a serve rebuild read again, sorted.
	Reread    []string
	Timings   []Timing
	Elapsed   time.Duration
	Committed bool
}

// Timing is how long one stage took.
type Timing struct {
	Stage string
	Took  time.Duration
}

// Summary is the one line build prints on success.
func (r *Result) Summary() string {
	areas := 0
	for _, a := range r.Site.Areas {
		if len(a.Reports) > 0 {
			areas++
		}
	}
	return fmt.Sprintf("built %s, %s, %s, %s (%d changed) in %s",
		Count(len(r.Site.Reports), "report"), Count(areas, "area"), Count(len(r.Site.Themes), "theme"),
		Count(r.Files, "page"), r.Written, r.Elapsed.Round(time.Millisecond))
}

// Count is n and the noun, plural unless n is 1: "1 error", "2 errors".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// FatalError is a build that produced nothing because of diagnostics.
type FatalError struct{ Result *Result }

func (e *FatalError) Error() string {
	return fmt.Sprintf("stopped by %s and %s; nothing was written", Count(e.Result.Errors, "error"), Count(e.Result.Warnings, "warning"))
}

// Load reads and models the site folder without writing anything.
func Load(opts Options) (*Result, error) { return load(opts, false) }

// load is Load; a batch build also tunes the collector for reading.
func load(opts Options, batch bool) (*Result, error) {
	start := time.Now()
	opts, err := Prepare(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	src := os.DirFS(opts.Source)
	var list diag.List
	stage := func(name string, t0 time.Time) { res.Timings = append(res.Timings, Timing{name, time.Since(t0)}) }

	t0 := time.Now()
	cfg, ds := loadOptionsConfig(src, opts)
	if len(ds) > 0 {
		list.Add(ds...)
		res.finish(&list, start)
		return res, &FatalError{res}
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	if cfg.BaseURL == "/" {
		list.Add(rootBaseURLWarning(src, ConfigName(opts)))
	}
	stage("config", t0)

	t0 = time.Now()
	files, ds := Documents(src)
	list.Add(ds...)
	parser := report.NewParser(cfg)
	restore := func() {}
	if batch {
		restore = memoryForReading(len(files))
	}
	// A batch build reads texts again for source pages (see sourceText).
	parsed := parseAll(src, files, parser, cfg.MaxDocumentBytes, !batch)
	restore()
	stage("read", t0)

	t0 = time.Now()
	res.Site = Model(cfg, parsed, &list)
	stage("model", t0)
	res.finish(&list, start)
	return res, nil
}

func (res *Result) finish(list *diag.List, start time.Time) {
	res.Diags = list.Sorted()
	res.Errors, res.Warnings = list.Count()
	res.Elapsed = time.Since(start)
}

// Build loads the site, renders it and writes it to opts.Dest. The previous
// output is replaced only when every file was written.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	res, err := load(opts, true)
	if err != nil {
		return res, err
	}
	if opts.Strict && (res.Errors > 0 || res.Warnings > 0) {
		return res, &FatalError{res}
	}
	defer boundMemory()()
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(opts.Source, "public")
	}
	t0 := time.Now()
	w, err := output.Begin(dest)
	if err != nil {
		return res, err
	}
	theme, err := render.LoadTemplates(os.DirFS(opts.Source))
	if err != nil {
		w.Abort()
		res.Diags = append(res.Diags, asDiags(err)...)
		res.Errors++
		return res, &FatalError{res}
	}
	n, err := render.SiteStreamed(res.Site, theme, w.Write, w.WriteStream, sourceText(os.DirFS(opts.Source)),
		func(path string, recipe render.Recipe) bool { return w.Keep(path, recipe) })
	var werr *output.Error
	if errors.As(err, &werr) {
		w.Abort()
		return res, err // the disk, not the templates: said by its cause
	}
	if err != nil {
		w.Abort()
		res.Diags = append(res.Diags, asDiags(err)...)
		res.Errors++
		return res, &FatalError{res}
	}
	res.Timings = append(res.Timings, Timing{"render+write", time.Since(t0)})
	t0 = time.Now()
	if err := w.Commit(); err != nil {
		return res, err
	}
	res.Timings = append(res.Timings, Timing{"commit", time.Since(t0)})
	res.Files = n
	res.Written, _ = w.Stats()
	res.Compared = w.Compared()
	res.Committed = true
	res.Elapsed = time.Since(start)
	return res, nil
}

// sourceText reads a report's text again for its source page. Load drops
// the texts after reading (dropTexts): holding every document twice, as
// text and as the model, would double a large build's memory.
func sourceText(fsys fs.FS) render.TextFunc {
	return func(r *report.Report, buf []byte) ([]byte, error) {
		data, err := readLimited(fsys, r.Source, math.MaxInt64, buf)
		if err != nil {
			return nil, err
		}
		return report.TextBytes(r, documentText(r.Source, data))
	}
}

func asDiags(err error) []diag.Diagnostic {
	if d, ok := err.(diag.Diagnostic); ok {
		return []diag.Diagnostic{d}
	}
	return []diag.Diagnostic{diag.Errorf("templates", 0, "%v", err)}
}
