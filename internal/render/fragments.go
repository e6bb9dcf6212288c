package render

import (
	"html/template"
	"reflect"
	"strings"
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
// result wherever it is asked for again: {{$.Cached "response" .Issue}}.
// Use it for partials repeated across many pages.
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
	var b strings.Builder
	if err := c.t.common.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	c.m.Store(k, h)
	return h, nil
}
