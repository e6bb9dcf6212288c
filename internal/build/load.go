// Package build runs inspectsite's pipeline: read the site folder, parse every
// document, arrange the site model, render every output file, and write them
// atomically. Each stage is timed.
//
// It is the only package that touches the site's source folder; the stages
// it calls take bytes and return values.
package build

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
	"github.com/inspectsite/inspectsite/internal/webpage"
)

// ConfigFile is the configuration file's name in a site folder.
const ConfigFile = "site.toml"

// ContentDir holds the documents.
const ContentDir = "content"

// Extensions are the document file endings read from content/: text and
// markdown, and saved web pages (see webpage.Extensions).
var Extensions = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// LoadConfig reads the site's configuration from src (a site folder),
// falling back to the built-in defaults when the file is missing. name is
// the file's path within src, normally "site.toml", or an absolute path.
func LoadConfig(src fs.FS, name string) (*config.Config, []diag.Diagnostic) {
	defaults, ds := config.Parse("(built-in site.toml)", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		return nil, ds
	}
	var data []byte
	var err error
	if filepath.IsAbs(name) { // a -config outside the site folder
		data, err = os.ReadFile(name)
	} else {
		data, err = fs.ReadFile(src, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return defaults, nil
	}
	if err != nil {
		return nil, []diag.Diagnostic{diag.Errorf(name, 0, "cannot read: %v", err)}
	}
	return config.Parse(name, data, defaults)
}

// Documents lists the document files under content/ in src, sorted. Hidden
// files and folders, editor backups, the folders of images and scripts a
// browser saves beside a web page, and symbolic links are skipped; a link
// is reported, since its target is never read.
func Documents(src fs.FS) ([]string, []diag.Diagnostic) {
	var files []string
	var ds []diag.Diagnostic
	err := fs.WalkDir(src, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == ContentDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			ds = append(ds, diag.Errorf(p, 0, "cannot read: %v", err))
			return nil
		}
		name := d.Name()
		if p != ContentDir && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && webpage.AssetFolder(name) {
			return fs.SkipDir
		}
		if d.Type()&fs.ModeSymlink != 0 {
			ds = append(ds, diag.Warnf(p, 0, "symbolic link not followed: move the file itself into content/"))
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if Extensions[strings.ToLower(path.Ext(name))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		ds = append(ds, diag.Errorf(ContentDir, 0, "cannot read: %v", err))
	}
	sort.Strings(files)
	return files, ds
}

// Parsed is one document's result, kept so that a rebuild can reuse it.
type Parsed struct {
	Report *report.Report
	Diags  []diag.Diagnostic
}

// ParseAll reads and parses files from src on all cores. The result is in
// the order of files, whatever the scheduling.
func ParseAll(src fs.FS, files []string, p *report.Parser, limit int64) []Parsed {
	return parseAll(src, files, p, limit, true)
}

// parseAll is ParseAll; without keepText each report's Text is dropped as
// soon as it is read, so a large build never holds every document's text.
func parseAll(src fs.FS, files []string, p *report.Parser, limit int64, keepText bool) []Parsed {
	out := make([]Parsed, len(files))
	// Reading a file waits on the system; more workers than cores keep
	// the cores parsing meanwhile.
	workers := 4 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // each worker reads every file into the same buffer
			for i := range next {
				out[i], buf = parseOne(src, files[i], p, limit, buf)
				if r := out[i].Report; r != nil && !keepText {
					r.Text = ""
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// ParseOne reads and parses one file, refusing files over limit bytes
// before reading them.
func ParseOne(src fs.FS, name string, p *report.Parser, limit int64) Parsed {
	parsed, _ := parseOne(src, name, p, limit, nil)
	return parsed
}

// parseOne is ParseOne reading into buf, which it returns for the next
// file: the reader keeps nothing of the bytes it is given.
func parseOne(src fs.FS, name string, p *report.Parser, limit int64, buf []byte) (Parsed, []byte) {
	data, err := readLimited(src, name, limit, buf)
	if err != nil {
		return Parsed{Diags: []diag.Diagnostic{err.(diag.Diagnostic)}}, buf
	}
	if !webpage.Extensions[strings.ToLower(path.Ext(name))] {
		r, ds := p.Parse(name, data)
		return Parsed{Report: r, Diags: ds}, data
	}
	page := webpage.Read(data)
	r, ds := p.Parse(name, page.Text)
	if r != nil && r.SourceURL == "" { // front matter wins
		r.SourceURL = page.SourceURL
	}
	return Parsed{Report: r, Diags: ds}, data
}

// documentText is a document file's bytes as the reader reads them: a
// saved web page's main content as text, any other file as it is.
func documentText(name string, data []byte) []byte {
	if webpage.Extensions[strings.ToLower(path.Ext(name))] {
		return webpage.Read(data).Text
	}
	return data
}

// readLimited reads a file whole into buf (grown if need be), once it knows
// it is at most limit bytes: one open, one stat of the open file, reads
// until the end.
func readLimited(src fs.FS, name string, limit int64, buf []byte) ([]byte, error) {
	f, err := src.Open(name)
	if err != nil {
		return nil, diag.Errorf(name, 0, "cannot read: %v", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, diag.Errorf(name, 0, "cannot read: %v", err)
	}
	if fi.Size() > limit {
		return nil, diag.Errorf(name, 0, "document is %d bytes, over the limit of %d (max_document_bytes in site.toml); not read", fi.Size(), limit)
	}
	data := buf[:0]
	if int64(cap(data)) < fi.Size()+1 {
		data = make([]byte, 0, fi.Size()+512)
	}
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, diag.Errorf(name, 0, "cannot read: %v", err)
		}
		if len(data) == cap(data) {
			if int64(len(data)) > limit {
				return nil, diag.Errorf(name, 0, "document grew over the limit of %d bytes while being read; not read", limit)
			}
			data = append(data, 0)[:len(data)] // room to see the end
		}
	}
}

// Model arranges parsed documents into the site model.
func Model(cfg *config.Config, parsed []Parsed, list *diag.List) *site.Site {
	var reports []*report.Report
	for _, p := range parsed {
		list.Add(p.Diags...)
		if p.Report != nil {
			r := *p.Report // the site assigns ids; keep the parsed copy clean
			reports = append(reports, &r)
		}
	}
	s, ds := site.New(cfg, reports)
	list.Add(ds...)
	return s
}

// rootBaseURLWarning is the warning a build with base URL "/" gets, on the
// line of site.toml that sets it when one does: pages work anywhere, but
// feed readers and crawlers reject the relative URLs it gives the feed,
// the sitemap and robots.txt.
func rootBaseURLWarning(src fs.FS, cfgName string) diag.Diagnostic {
	line := 0
	var data []byte
	if filepath.IsAbs(cfgName) {
		data, _ = os.ReadFile(cfgName)
	} else {
		data, _ = fs.ReadFile(src, cfgName)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == "base_url" {
			line = i + 1
			break
		}
	}
	return diag.Warnf(cfgName, line, `base_url is "/": feed.xml, sitemap.xml and robots.txt need an absolute base URL to be valid when published; set base_url = "https://…/" in %s or build with -base-url`, path.Base(cfgName))
}
