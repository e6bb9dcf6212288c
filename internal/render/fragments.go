package render

import (
	"bytes"
	"html/template"
	"reflect"
	"slices"
	"sync"
)

// fragments holds the partials a run has rendered through Frame.Cached:
// a partial given the same data renders to the same bytes, so a fragment
// repeated across pages is rendered once per build, as Hugo's partialCached
// does, but keyed by the data itself, so that it cannot be stale.
type fragments struct {
	t    *Templates
	memo *hashMemo
	m    sync.Map // fragmentKey → template.HTML
}

type fragmentKey struct {
	name string
	ptr  uintptr // a shared value (see shared), by address
	hash Recipe  // any other value, by hash
}

// Cached renders the partial name, as base.html and partials.html define
// it, with data, once per build for each value of data, and reuses the
// result wherever it is asked for again: {{.Cached "site-header" .Header}}.
// Use it for partials repeated across many pages with few values; an
// issue's own partials are Issue.Cached.
func (f *Frame) Cached(name string, data any) (template.HTML, error) {
	return f.fragments.render(name, data)
}

func (c *fragments) render(name string, data any) (template.HTML, error) {
	if c == nil || c.t == nil {
		return "", nil
	}
	k := fragmentKey{name: name}
	v := reflect.ValueOf(data)
	if v.Kind() == reflect.Pointer && shared[v.Type()] {
		k.ptr = v.Pointer()
	} else {
		k.hash = c.memo.page(0, name, data)
	}
	if h, ok := c.m.Load(k); ok {
		return h.(template.HTML), nil
	}
	h, err := c.execute(name, data)
	if err != nil {
		return "", err
	}
	c.m.Store(k, h)
	return h, nil
}

// execute renders the partial name, as base.html and partials.html define
// it, with data.
func (c *fragments) execute(name string, data any) (template.HTML, error) {
	b := fragmentBuffers.Get().(*bytes.Buffer)
	defer fragmentBuffers.Put(b)
	b.Reset()
	if err := c.t.common.ExecuteTemplate(b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

var fragmentBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// issueFragments holds the partials rendered for one issue through
// Issue.Cached. They are kept only while pages that show the issue are
// still to be rendered: the schedule renders each Area's reports and
// then the theme pages that end with that Area, and releases a report's
// fragments once all of them are done (see schedule), so that at any time
// only a few Areas' fragments are held, not the whole site's. A fragment
// asked for after its release is rendered again, not kept.
type issueFragments struct {
	c     *fragments
	mu    sync.Mutex
	done  bool // released
	names []string
	html  []template.HTML
}

func (f *issueFragments) render(name string, is *Issue) (template.HTML, error) {
	f.mu.Lock()
	for i, n := range f.names {
		if n == name {
			h := f.html[i]
			f.mu.Unlock()
			return h, nil
		}
	}
	done := f.done
	f.mu.Unlock()
	h, err := f.c.execute(name, is)
	if err != nil || done {
		return h, err
	}
	f.mu.Lock()
	if !f.done && !slices.Contains(f.names, name) {
		f.names = append(f.names, name)
		f.html = append(f.html, h)
	}
	f.mu.Unlock()
	return h, nil
}

func (f *issueFragments) release() {
	f.mu.Lock()
	f.done, f.names, f.html = true, nil, nil
	f.mu.Unlock()
}
