package build

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/render"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
	"github.com/inspectsite/inspectsite/internal/webpage"
)

// Session rebuilds one site again and again, as `serve` needs: it keeps the
// configuration, templates, parsed documents and rendered pages between
// builds, and redoes only what a change touches. It keeps the files of the
// last good build; a failed build leaves them as they were.
type Session struct {
	opts  Options
	src   fs.FS
	mu    sync.Mutex
	cfg   *config.Config
	parse *report.Parser
	tmpl  *render.Templates
	docs  map[string]*doc
	cache *render.Cache

	files map[string][]byte // the last good site
	site  *site.Site        // ... and its model, for files made on request
	lazy  map[string][]byte // data files made on request for this build
	// lazyNames lists the files Lazy can make for this build, so that a
	// request for any other costs nothing.
	lazyNames map[string]bool
}

// doc is one parsed document and the file facts it was parsed from.
type doc struct {
	parsed  Parsed
	size    int64
	modTime time.Time
}

// NewSession prepares a session; nothing is read until the first Rebuild.
func NewSession(opts Options) *Session {
	return &Session{opts: opts, src: os.DirFS(opts.Source), docs: map[string]*doc{}, cache: render.NewCache()}
}

// Files returns the last good site, or nil before the first good build.
// The map must not be changed.
func (s *Session) Files() map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files
}

// Lazy makes a file that rebuilds leave out (the open data files) for the
// last good build, once, when it is first asked for.
func (s *Session) Lazy(name string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.lazy[name]; ok {
		return b, true
	}
	if s.site == nil {
		return nil, false
	}
	if s.lazyNames == nil {
		s.lazyNames = render.LazyNames(s.site)
	}
	if !s.lazyNames[name] {
		return nil, false
	}
	b, ok, err := render.Lazy(s.site, name)
	if !ok || err != nil {
		return nil, false
	}
	s.lazy[name] = b
	return b, true
}

// Cache reports what the last rebuild rendered.
func (s *Session) Cache() *render.Cache { return s.cache }

// Rebuild builds again after changes to the given paths (relative to the
// site folder, slash-separated); full forces everything to be re-read.
// Errors in the result mean the previous files are still being served.
func (s *Session) Rebuild(changed []string, full bool) *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	res := &Result{}
	var list diag.List
	cfgName := s.configName()
	configChanged, templatesChanged := full || s.cfg == nil, full || s.tmpl == nil
	for _, p := range changed {
		switch {
		case p == cfgName:
			configChanged = true
		case strings.HasPrefix(p, "templates/"):
			templatesChanged = true
		}
	}
	if configChanged {
		cfg, ds := loadOptionsConfig(s.src, s.opts)
		if len(ds) > 0 {
			list.Add(ds...)
			res.finish(&list, start)
			return res
		}
		if s.opts.BaseURL != "" {
			cfg.BaseURL = s.opts.BaseURL
		}
		s.cfg, s.parse, s.docs = cfg, report.NewParser(cfg), map[string]*doc{}
	}
	if templatesChanged {
		t, err := render.LoadTemplates(s.src)
		if err != nil {
			list.Add(asDiags(err)...)
			res.finish(&list, start)
			return res
		}
		s.tmpl = t
	}
	if configChanged || templatesChanged || full || len(s.docs) == 0 {
		res.Reread = s.refreshDocs(&list, changed)
	} else {
		res.Reread = s.refreshNamed(&list, changed)
	}
	parsed := make([]Parsed, 0, len(s.docs))
	for _, name := range sortedDocNames(s.docs) {
		parsed = append(parsed, s.docs[name].parsed)
	}
	res.Site = Model(s.cfg, parsed, &list)
	files := make(map[string][]byte, len(s.files)+8)
	var fmu sync.Mutex
	n, err := render.SiteCached(res.Site, s.tmpl, func(p string, b []byte) error {
		fmu.Lock()
		files[p] = b
		fmu.Unlock()
		return nil
	}, s.cache)
	if err != nil {
		list.Add(asDiags(err)...)
	}
	res.finish(&list, start)
	res.Files = n
	res.Rendered = append([]string(nil), s.cache.RenderedPaths...)
	if res.Errors == 0 || s.files == nil {
		// A first build with errors is still served, so the page can show
		// them; later, errors keep the last good site.
		s.files, s.site, s.lazy, s.lazyNames = files, res.Site, map[string][]byte{}, nil
		res.Committed = res.Errors == 0
	}
	return res
}

func (s *Session) configName() string {
	return ConfigName(s.opts)
}

// refreshDocs re-reads documents that are new or whose size or time
// changed, and forgets those that are gone. Checking every file, not only
// the ones an event named, means a missed event cannot leave a stale page.
func (s *Session) refreshDocs(list *diag.List, changed []string) (stale []string) {
	named := make(map[string]bool, len(changed))
	for _, c := range changed {
		named[c] = true
	}
	names, ds := Documents(s.src)
	list.Add(ds...)
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		seen[name] = true
		fi, err := fs.Stat(s.src, name)
		if err != nil {
			continue
		}
		d := s.docs[name]
		if d == nil || named[name] || d.size != fi.Size() || !d.modTime.Equal(fi.ModTime()) {
			stale = append(stale, name)
			s.docs[name] = &doc{size: fi.Size(), modTime: fi.ModTime()}
		}
	}
	for name := range s.docs {
		if !seen[name] {
			delete(s.docs, name)
		}
	}
	for i, p := range ParseAll(s.src, stale, s.parse, s.cfg.MaxDocumentBytes) {
		s.docs[stale[i]].parsed = p
	}
	return stale
}

// refreshNamed re-reads only the documents a batch of events named: new,
// changed or gone. Watch batches that could hide other changes (a queue
// overflow, a folder created or removed) ask for a full rescan instead.
func (s *Session) refreshNamed(list *diag.List, changed []string) (stale []string) {
	for _, name := range changed {
		if !strings.HasPrefix(name, ContentDir+"/") || !Extensions[strings.ToLower(path.Ext(name))] {
			continue
		}
		fi, err := fs.Lstat(s.src, name)
		if err != nil || !fi.Mode().IsRegular() || hiddenPath(name) {
			delete(s.docs, name)
			if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
				list.Add(diag.Warnf(name, 0, "symbolic link not followed: move the file itself into content/"))
			}
			continue
		}
		s.docs[name] = &doc{size: fi.Size(), modTime: fi.ModTime()}
		stale = append(stale, name)
	}
	for i, p := range ParseAll(s.src, stale, s.parse, s.cfg.MaxDocumentBytes) {
		s.docs[stale[i]].parsed = p
	}
	return stale
}

// hiddenPath reports a path Documents would skip: a dot file or folder, an
// editor backup or a saved page's asset folder anywhere below content/.
func hiddenPath(name string) bool {
	for _, part := range strings.Split(strings.TrimPrefix(name, ContentDir+"/"), "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "#") || strings.HasSuffix(part, "~") || webpage.AssetFolder(part) {
			return true
		}
	}
	return false
}

func sortedDocNames(m map[string]*doc) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
