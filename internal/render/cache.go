package render

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"sort"
	"sync"

	"github.com/inspectsite/inspectsite/internal/site"
)

// Cache keeps each page's bytes under a hash of what made them: the page's
// data, the templates and the configuration. A later run renders a page
// again only when that hash changed. A template can show only its data, so
// a page whose data hashes the same renders to the same bytes: the cache
// needs to know nothing about what any template reads. A Cache belongs to
// one sequence of runs in one process (one serve).
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
	// Rendered and Reused count the pages of the last run.
	Rendered, Reused int
	// RenderedPaths lists the pages the last run rendered, sorted.
	RenderedPaths []string
}

type cached struct {
	key  Recipe
	data []byte
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

func (c *Cache) start() {
	c.mu.Lock()
	c.Rendered, c.Reused, c.RenderedPaths = 0, 0, nil
	c.mu.Unlock()
}

func (c *Cache) get(path string, key Recipe) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	if ok && e.key == key {
		c.Reused++
		return e.data, true
	}
	return nil, false
}

func (c *Cache) put(path string, key Recipe, data []byte) {
	if cap(data) > len(data)+len(data)/8 {
		data = append([]byte(nil), data...) // kept for long: no spare capacity
	}
	c.mu.Lock()
	c.entries[path] = cached{key, data}
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

// Recipe names what a page was made from: a digest of its data, its
// template, every template file, the configuration and the program. Two
// pages with the same recipe have the same bytes. It is the same in every
// process, so the manifest beside a site keeps each page's recipe and the
// next build keeps a page whose recipe did not change without rendering it.
type Recipe [16]byte

// siteBase hashes what every page is rendered with besides its data: the
// templates, the configuration and the program that renders them (a new
// version may mark the same data up differently).
func siteBase(s *site.Site, t *Templates) uint64 {
	h := newHasher(nil)
	defer h.free()
	h.u64(t.hash)
	h.u64(programHash())
	h.value(reflect.ValueOf(s.Config))
	return h.sum64()
}

// hashMemo remembers the hash of each value a pointer in page data points
// to, for one run: a report shown on many pages is hashed once.
type hashMemo struct{ m sync.Map }

type ptrKey struct {
	p uintptr
	t reflect.Type
}

// page hashes one page's data with the run's base.
func (m *hashMemo) page(base uint64, template string, data any) Recipe {
	h := newHasher(m)
	defer h.free()
	h.u64(base)
	h.str(template)
	h.value(reflect.Indirect(reflect.ValueOf(data)))
	return h.sum()
}

// hasher hashes a value by what a template can reach of it: every exported
// field, element and map entry, following pointers. It digests with
// SHA-256, which gives the same recipe in every process, through a buffer:
// the values it is fed are mostly words and short strings.
type hasher struct {
	h    hash.Hash
	memo *hashMemo
	buf  []byte
}

var hashers = sync.Pool{New: func() any { return &hasher{h: sha256.New(), buf: make([]byte, 0, 4096)} }}

func newHasher(m *hashMemo) *hasher {
	h := hashers.Get().(*hasher)
	h.memo = m
	return h
}

// free resets h and gives it back for reuse.
func (h *hasher) free() {
	h.h.Reset()
	h.buf = h.buf[:0]
	h.memo = nil
	hashers.Put(h)
}

func (h *hasher) flush() {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
}

func (h *hasher) sum() (r Recipe) {
	h.flush()
	var b [sha256.Size]byte
	copy(r[:], h.h.Sum(b[:0]))
	return r
}

func (h *hasher) sum64() uint64 {
	r := h.sum()
	return binary.LittleEndian.Uint64(r[:])
}

func (h *hasher) u64(v uint64) {
	if len(h.buf)+8 > cap(h.buf) {
		h.flush()
	}
	h.buf = binary.LittleEndian.AppendUint64(h.buf, v)
}

func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	for len(s) > 0 {
		if len(h.buf) == cap(h.buf) {
			h.flush()
		}
		n := min(len(s), cap(h.buf)-len(h.buf))
		h.buf = append(h.buf, s[:n]...)
		s = s[n:]
	}
}

func (h *hasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		h.u64(0)
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.u64(1)
		} else {
			h.u64(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.u64(math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			h.u64(0)
			return
		}
		h.u64(h.pointee(v))
	case reflect.Interface:
		if v.IsNil() {
			h.u64(0)
			return
		}
		h.str(v.Elem().Type().String())
		h.value(v.Elem())
	case reflect.Struct:
		// Exported fields, and embedded ones: a template reaches the
		// exported fields an unexported embedded struct promotes.
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if f := t.Field(i); f.IsExported() || f.Anonymous {
				h.value(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.u64(math.MaxUint64) // json shows a nil list as null, an empty one as []
			return
		}
		h.u64(uint64(v.Len()))
		for i := 0; i < v.Len(); i++ {
			h.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			h.u64(math.MaxUint64) // null in json, not {}
			return
		}
		// Entries in any order: the sum of their own hashes.
		var sum uint64
		it := v.MapRange()
		for it.Next() {
			e := newHasher(h.memo)
			e.value(it.Key())
			e.value(it.Value())
			sum += e.sum64()
			e.free()
		}
		h.u64(uint64(v.Len()))
		h.u64(sum)
	default:
		// Funcs and channels: a template cannot show them.
		h.str(v.Type().String())
	}
}

// shared are the types of the values a run makes once and keeps to its end
// (see views): only their hashes may be remembered by address, as the
// address of a value made for one page may be reused by the next.
var shared = map[reflect.Type]bool{
	reflect.TypeFor[*Report](): true, reflect.TypeFor[*Issue](): true, reflect.TypeFor[*Abbreviation](): true,
	reflect.TypeFor[*Commitment](): true,
}

// pointee hashes what a pointer points to, once per run for shared values.
func (h *hasher) pointee(v reflect.Value) uint64 {
	k := ptrKey{v.Pointer(), v.Type()}
	if h.memo != nil && shared[k.t] {
		if s, ok := h.memo.m.Load(k); ok {
			return s.(uint64)
		}
	}
	e := newHasher(h.memo)
	e.value(v.Elem())
	s := e.sum64()
	e.free()
	if h.memo != nil && shared[k.t] {
		h.memo.m.Store(k, s)
	}
	return s
}
