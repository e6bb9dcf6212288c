package render

import (
	"fmt"
	"sort"
	"sync"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// Cache keeps each page's bytes with a fingerprint of everything the page
// shows. A later run re-renders a page only when its fingerprint changed,
// so after an edit only the pages that show the edited document are
// rendered again. A Cache belongs to one sequence of runs (one serve).
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
	// Rendered and Reused count the pages of the last run.
	Rendered, Reused int
	// RenderedPaths lists the pages the last run rendered, sorted.
	RenderedPaths []string
}

type cached struct {
	fp   uint64
	data []byte
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

func (c *Cache) start() {
	c.mu.Lock()
	c.Rendered, c.Reused, c.RenderedPaths = 0, 0, nil
	c.mu.Unlock()
}

func (c *Cache) get(path string, fp uint64) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	if ok && e.fp == fp {
		c.Reused++
		return e.data, true
	}
	return nil, false
}

func (c *Cache) put(path string, fp uint64, data []byte) {
	if cap(data) > len(data)+len(data)/8 {
		data = append([]byte(nil), data...) // kept for long: no spare capacity
	}
	c.mu.Lock()
	c.entries[path] = cached{fp, data}
	c.Rendered++
	c.RenderedPaths = append(c.RenderedPaths, path)
	c.mu.Unlock()
}

func (c *Cache) finish(live map[string]bool) {
	c.mu.Lock()
	for p := range c.entries {
		if !live[p] {
			delete(c.entries, p)
		}
	}
	sort.Strings(c.RenderedPaths)
	c.mu.Unlock()
}

// fingerprint hashes the inputs of one page (64-bit FNV-1a, written out
// here so that hashing a string needs no copy of it).
type fingerprint struct{ h uint64 }

func newFingerprint(base uint64, kind string) *fingerprint {
	f := &fingerprint{14695981039346656037}
	f.u64(base)
	f.str(kind)
	return f
}

func (f *fingerprint) byte(c byte) { f.h = (f.h ^ uint64(c)) * 1099511628211 }

func (f *fingerprint) u64(v uint64) {
	for i := 0; i < 8; i++ {
		f.byte(byte(v >> (8 * i)))
	}
}

func (f *fingerprint) str(s string) {
	f.u64(uint64(len(s)))
	for i := 0; i < len(s); i++ {
		f.byte(s[i])
	}
}

func (f *fingerprint) report(r *report.Report) {
	if r == nil {
		f.str("-")
		return
	}
	f.str(r.ID)
	f.u64(r.Hash)
}

// ref stands for an issue by its report and place: the report's hash
// covers the issue's words.
func (f *fingerprint) ref(ref site.IssueRef) {
	f.report(ref.Report)
	f.u64(uint64(ref.Issue.Number))
	f.u64(uint64(ref.Issue.Line))
}

func (f *fingerprint) sum() uint64 { return f.h }

// siteBase fingerprints what every page shows: the configuration, the
// templates and the stylesheet's name.
func siteBase(s *site.Site, t *Templates, css string) uint64 {
	f := newFingerprint(0, "base")
	f.str(fmt.Sprintf("%+v", *s.Config))
	f.u64(t.hash)
	f.str(css)
	return f.sum()
}

// siteWide fingerprints every report: for pages that summarise them all
// (overview, compare, the lists of Areas and themes).
func siteWide(s *site.Site, base uint64) uint64 {
	f := newFingerprint(base, "all")
	for _, r := range s.Reports {
		f.report(r)
	}
	return f.sum()
}

// pageFingerprint hashes what page p shows.
func (r *run) pageFingerprint(p *pageSpec) uint64 {
	switch d := p.Data.(type) {
	case sourceData:
		f := newFingerprint(r.base, "source")
		f.report(d.R)
		return f.sum()
	case reportData:
		f := newFingerprint(r.base, "report")
		f.report(d.R)
		f.report(d.Prev)
		f.report(d.Next)
		return f.sum()
	case []*report.Report: // a page of the reports list
		f := newFingerprint(r.base, p.URL)
		f.u64(uint64(p.Pager.Total))
		for _, x := range d {
			f.report(x)
		}
		return f.sum()
	case areaData:
		f := newFingerprint(r.base, p.URL)
		f.u64(uint64(p.Pager.Total))
		if p.Pager.Page == 1 { // only the first page shows the reports and theme links
			for _, x := range d.A.Reports {
				f.report(x)
			}
			for _, tc := range d.A.Themes {
				f.str(themeAnchor(r.s, r.l, tc.Theme.Slug, d.A.Slug))
			}
		} else {
			f.u64(uint64(len(d.A.Reports))) // the lead sentence counts them
			if len(d.A.Reports) > 0 {
				f.str(d.A.Reports[0].Date + d.A.Reports[len(d.A.Reports)-1].Date)
			}
		}
		for _, x := range d.W.Reports {
			f.report(x)
		}
		for _, c := range d.W.Changes {
			f.report(c.Earlier)
		}
		r.groupsFingerprint(f, d.W.Groups)
		return f.sum()
	case themeData:
		f := newFingerprint(r.base, p.URL)
		f.u64(uint64(p.Pager.Total))
		for _, a := range r.s.KnownAreas() {
			f.u64(uint64(a.Count(d.T)))
		}
		for _, g := range d.T.Groups {
			f.str(themeAnchor(r.s, r.l, d.T.Slug, groupKey(g.Area)))
		}
		r.groupsFingerprint(f, d.Groups)
		return f.sum()
	}
	switch p.Template {
	case "glossary.html", "accessibility.html", "404.html", "data.html", "search.html":
		return newFingerprint(r.base, p.URL).sum()
	}
	f := newFingerprint(r.wide, p.URL) // overview, compare, lists
	return f.sum()
}

func (r *run) groupsFingerprint(f *fingerprint, gs []group[site.IssueRef]) {
	for _, g := range gs {
		f.str(g.Key)
		if g.Continued {
			f.str("cont")
		}
		for _, ref := range g.Items {
			f.ref(ref)
		}
	}
}
