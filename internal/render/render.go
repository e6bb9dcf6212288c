package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"

	"github.com/inspectsite/inspectsite/internal/opendata"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// WriteFunc receives one output file: a slash path inside the site
// ("reports/x/index.html") and its bytes. It may be called concurrently.
type WriteFunc func(path string, data []byte) error

// markdown parses narratives; pages show only their words (see
// narrativeBlocks).
var markdown = goldmark.New()

// Site renders every file of s and returns how many it wrote.
func Site(s *site.Site, t *Templates, write WriteFunc) (int, error) {
	return siteRun(s, t, write, nil, true)
}

// DataFiles are the open data files and how to make each. The preview
// server makes them on request instead of on every rebuild.
var DataFiles = map[string]func(*site.Site) ([]byte, error){
	"data/reports.json":    opendata.ReportsJSON,
	"data/issues.csv":      opendata.IssuesCSV,
	"data/ratings.csv":     opendata.RatingsCSV,
	"data/commitments.csv": opendata.CommitmentsCSV,
}

func init() {
	for _, f := range opendata.CompareFiles {
		write := f.Write
		DataFiles[f.Name] = func(s *site.Site) ([]byte, error) { return opendata.Bytes(write, s) }
		dataWriters = append(dataWriters, struct {
			name  string
			write func(io.Writer, *site.Site) error
		}{f.Name, write})
	}
}

// Lazy makes one of the files a cached run (serve) leaves out: the open
// data files, the search index and the sitemaps, which only matter when
// someone asks for them. ok is false for any other name.
func Lazy(s *site.Site, name string) (b []byte, ok bool, err error) {
	if make, found := DataFiles[name]; found {
		b, err = make(s)
		return b, true, err
	}
	switch {
	case name == "search/index.json":
		b, err = newRun(s, nil, nil).searchIndexJSON()
		return b, true, err
	case name == "sitemap.xml" || strings.HasPrefix(name, "sitemap-") && strings.HasSuffix(name, ".xml"):
		files := map[string][]byte{}
		r := newRun(s, nil, func(p string, b []byte) error { files[p] = b; return nil })
		r.sitemaps(r.sitemapURLs())
		b, found := files[name]
		return b, found, r.err
	}
	return nil, false, nil
}

// dataWriters write the same files piece by piece.
var dataWriters = []struct {
	name  string
	write func(io.Writer, *site.Site) error
}{
	{"data/reports.json", opendata.WriteReportsJSON},
	{"data/issues.csv", opendata.WriteIssuesCSV},
	{"data/ratings.csv", opendata.WriteRatingsCSV},
	{"data/commitments.csv", opendata.WriteCommitmentsCSV},
}

// StreamFunc writes one large file through fill, without holding it in
// memory. Builds pass one, so the data files of a large site stream to disk.
type StreamFunc func(path string, fill func(io.Writer) error) error

// TextFunc gives a report's text as read, for its source page, when the
// report does not hold it (see report.Report.Text). It may use buf.
type TextFunc func(r *report.Report, buf []byte) ([]byte, error)

// SiteStreamed is Site with the open data files written through stream,
// and report texts, which a large build does not keep in memory, from text.
// Its write must be done with the bytes when it returns: they are reused
// for the next page.
func SiteStreamed(s *site.Site, t *Templates, write WriteFunc, stream StreamFunc, text TextFunc, keep KeepFunc) (int, error) {
	r := newRun(s, t, write)
	r.stream = stream
	r.reuse = true
	r.text = text
	if programHash() != 0 {
		r.keep = keep
	}
	return r.all(nil, true)
}

// KeepFunc is asked, before a page is rendered, whether the previous
// site's file at path was made from recipe, so that it can be kept as it
// is rather than rendered again. Either way it remembers the recipe for
// the page, for the next build to ask about.
type KeepFunc func(path string, recipe Recipe) bool

// SiteCached is Site with a cache from the previous run: pages whose
// inputs did not change are written from the cache, not rendered. It
// leaves out the data files, which the caller makes when needed.
func SiteCached(s *site.Site, t *Templates, write WriteFunc, cache *Cache) (int, error) {
	return siteRun(s, t, write, cache, false)
}

func siteRun(s *site.Site, t *Templates, write WriteFunc, cache *Cache, data bool) (int, error) {
	return newRun(s, t, write).all(cache, data)
}

func (r *run) all(cache *Cache, data bool) (int, error) {
	s, t := r.s, r.t
	r.cache = cache
	if cache != nil || r.keep != nil {
		r.hashes = &hashMemo{}
	}
	if cache != nil {
		cache.start()
	}
	r.assets()
	r.base = siteBase(s, t)
	// The whole-site files are made one after another, beside the pages,
	// which use every core: no core waits for the data files.
	side := make(chan struct{})
	go func() {
		defer close(side)
		if data {
			r.data()
			if r.stream != nil {
				r.streamed("search/index.json", r.writeSearchIndex)
			} else {
				idx, err := r.searchIndexJSON()
				r.emit("search/index.json", idx, err)
			}
		}
		r.xmlFiles()
	}()
	r.htmlPages()
	<-side
	if cache != nil && r.err == nil {
		live := map[string]bool{}
		for _, p := range r.pages {
			live[p.Path] = true
		}
		cache.finish(live)
	}
	return r.count, r.err
}

// run is one rendering of a site.
type run struct {
	s         *site.Site
	t         *Templates
	write     WriteFunc
	l         *layout
	pages     []*pageSpec
	urls      urls
	gloss     *glossary
	views     *views
	issues    int    // in the whole site
	css       string // site paths of the fingerprinted stylesheet and script
	js        string
	cache     *Cache
	hashes    *hashMemo
	fragments *fragments
	schedule  *schedule
	menus     map[string][]MenuItem
	text      TextFunc // for reports whose Text was not kept
	reuse     bool     // write is synchronous: page buffers may be reused
	sizes     sync.Map // template → *atomic.Int64, running average page size
	stream    StreamFunc
	keep      KeepFunc
	base      uint64 // hash of the templates and the configuration
	mu        sync.Mutex
	count     int
	err       error
}

func newRun(s *site.Site, t *Templates, write WriteFunc) *run {
	l := newLayout(s)
	u := newURLs(s.Config.BaseURL, s.Config.BasePath())
	r := &run{s: s, t: t, write: write, l: l, pages: pages(s, l), urls: u, gloss: newGlossary(s.Config, u)}
	r.views = &views{r: r, m: map[*report.Report]*Report{}, themes: map[string]Link{}}
	r.fragments = &fragments{t: t, memo: &hashMemo{}}
	r.menus = map[string][]MenuItem{}
	for _, rep := range s.Reports {
		r.issues += len(rep.Issues)
	}
	return r
}

// emit hands one file to the writer. Writes run concurrently (the writer
// is safe for that); only the bookkeeping is under the lock.
func (r *run) emit(path string, b []byte, err error) {
	if err == nil {
		if r.failed() {
			return
		}
		err = r.write(path, b)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		if r.err == nil {
			r.err = err
		}
		return
	}
	r.count++
}

// emitKept counts a page kept from the previous site.
func (r *run) emitKept() {
	r.mu.Lock()
	r.count++
	r.mu.Unlock()
}

func (r *run) failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err != nil
}

// assets writes the stylesheet under a name holding its hash, so it can be
// cached for ever and a change is always fetched.
func (r *run) assets() {
	css, err := r.t.asset("style.css")
	if err != nil {
		r.emit("", nil, err)
		return
	}
	sum := sha256.Sum256(css)
	r.css = "/assets/style." + hex.EncodeToString(sum[:])[:12] + ".css"
	r.emit(r.css[1:], css, nil)
	schema, err := r.t.asset("reports.schema.json")
	r.emit("data/reports.schema.json", schema, err)
	js, err := r.t.asset("search.js")
	if err == nil {
		sum := sha256.Sum256(js)
		r.js = "/assets/search." + hex.EncodeToString(sum[:])[:12] + ".js"
	}
	r.emit(strings.TrimPrefix(r.js, "/"), js, err)
}

func (r *run) data() {
	for _, d := range dataWriters {
		if r.stream == nil {
			b, err := opendata.Bytes(d.write, r.s)
			r.emit(d.name, b, err)
			continue
		}
		write := d.write
		r.streamed(d.name, func(w io.Writer) error { return write(w, r.s) })
	}
}

// streamed writes one large file through r.stream, piece by piece.
func (r *run) streamed(name string, fill func(io.Writer) error) {
	err := r.stream(name, fill)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil && r.err == nil {
		r.err = err
	} else if err == nil {
		r.count++
	}
}

// htmlPages renders pages on all cores. Each page's bytes depend only on
// the page, so the output is the same whatever the scheduling.
func (r *run) htmlPages() {
	if r.failed() {
		return
	}
	r.schedule = newSchedule(r.s, r.pages)
	ps := r.schedule.order
	jobs := make(chan *pageSpec)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	if r.reuse {
		// Each worker waits for its page to be written: more workers
		// than cores keep the cores busy meanwhile.
		workers *= 4
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []byte // the page's bytes, reused when r.reuse
			for p := range jobs {
				if r.failed() {
					continue
				}
				b, kept, err := r.page(p, out)
				r.schedule.done(p, r.views)
				if kept {
					r.emitKept()
					continue
				}
				r.emit(p.Path, b, err)
				if err == nil {
					out = b
				}
			}
		}()
	}
	for _, p := range ps {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
}

// page renders one page into buf, or takes it from the cache when its
// data, the templates and the configuration are those it was rendered
// with. kept says the previous site's file was made from the same recipe
// and stays as it is: nothing was rendered.
func (r *run) page(p *pageSpec, buf []byte) (b []byte, kept bool, err error) {
	data, err := r.pageData(p)
	if err != nil {
		return nil, false, err
	}
	var key Recipe
	if r.hashes != nil {
		key = r.hashes.page(r.base, p.Template, data)
	}
	if r.cache != nil {
		if b, ok := r.cache.get(p.Path, key); ok {
			return b, false, nil
		}
	}
	if r.keep != nil && !r.failed() && r.keep(p.Path, key) {
		return nil, true, nil
	}
	if err := r.complete(data); err != nil {
		return nil, false, err
	}
	if !r.reuse {
		buf = nil
	}
	b, err = r.t.execute(p.Template, p.URL, data, buf[:0], r.sizeHint(p.Template))
	if err != nil {
		return nil, false, err
	}
	if r.cache != nil {
		r.cache.put(p.Path, key, b)
	}
	r.noteSize(p.Template, len(b))
	return b, false, nil
}

// sizeHint is how large to make a page's buffer: half as large again as
// the running average of its template's pages, so that most pages need one
// allocation rather than a series of doublings.
func (r *run) sizeHint(template string) int {
	if n, ok := r.sizes.Load(template); ok {
		avg := int(n.(*atomic.Int64).Load())
		return avg + avg/2
	}
	return 16 << 10
}

func (r *run) noteSize(template string, n int) {
	v, loaded := r.sizes.LoadOrStore(template, new(atomic.Int64))
	avg := v.(*atomic.Int64)
	if !loaded {
		avg.CompareAndSwap(0, int64(n))
	}
	for old := avg.Load(); !avg.CompareAndSwap(old, old+(int64(n)-old)/16); old = avg.Load() {
	}
}
