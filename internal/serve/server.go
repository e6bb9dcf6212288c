// Package serve is the preview server behind `inspectsite serve`: it keeps
// the last good build in memory and serves it on loopback under the site's
// base path, with 404.html for missing pages and no directory listings. It
// answers only requests addressed to the bound address or localhost (a
// defence against DNS rebinding); a request path is looked up in the built
// site, never on disk, so no path can reach a file outside it. Only here is a
// live-reload script added to pages: it follows build events over
// Server-Sent Events and shows build errors in an overlay.
//
// It must not build anything itself; Run drives a build.Session and a
// watch.Watcher and hands each result to the server.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

//go:embed reload.js
var reloadJS []byte

//go:embed overlay.css
var overlayCSS []byte

// pages holds the markup serve adds: the reload script's tag and the page
// a failed first build shows.
//
//go:embed pages.html
var pagesHTML string

var pages = template.Must(template.New("").Parse(pagesHTML))

// pageData is what pages.html is given. Base is the base path,
// percent-encoded; html/template escapes it again for each attribute.
type pageData struct {
	Base    string
	Build   int
	Problem string
}

// csp matches the pages' own policy; connect-src lets the reload script
// open its event stream.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Server serves one site's current build.
type Server struct {
	basePath string
	reload   bool
	hub      *hub
	hosts    map[string]bool

	// Lazy makes files the build leaves out (the open data files) on request.
	Lazy func(name string) ([]byte, bool)

	mu      sync.RWMutex
	files   map[string][]byte
	build   int    // counts good builds
	problem string // the current build's errors, "" when good
	css     string // site path of the current stylesheet
}

// NewServer makes a server for a site under basePath ("/" or "/sub/"),
// answering to addr (host:port as bound). reload adds live reload.
func NewServer(basePath, addr string, reload bool) *Server {
	s := &Server{basePath: basePath, reload: reload, hub: newHub(), hosts: map[string]bool{}}
	host, port, err := net.SplitHostPort(addr)
	if err == nil {
		for _, h := range []string{host, "localhost", "127.0.0.1", "[::1]", "::1"} {
			s.hosts[net.JoinHostPort(strings.Trim(h, "[]"), port)] = true
		}
	}
	return s
}

// Update installs a build. problem is "" for a good build; otherwise it
// holds the errors to show, and files (if not nil) are served meanwhile.
// cssOnly tells open pages to swap their stylesheet instead of reloading.
func (s *Server) Update(files map[string][]byte, problem string, cssOnly bool) {
	s.mu.Lock()
	hadProblem := s.problem != ""
	if files != nil {
		s.files = files
	}
	s.problem = problem
	if problem == "" {
		s.build++
	}
	newCSS := s.stylesheet()
	changedCSS := newCSS != s.css
	s.css = newCSS
	build := s.build
	s.mu.Unlock()
	switch {
	case problem != "":
		s.hub.send(event{"problem", problem})
	case cssOnly && changedCSS && !hadProblem:
		msg, _ := json.Marshal(map[string]string{"href": s.escapedBase() + strings.TrimPrefix(newCSS, "/"), "build": strconv.Itoa(build)})
		s.hub.send(event{"css", string(msg)})
	default:
		s.hub.send(event{"reload", strconv.Itoa(build)})
	}
}

// stylesheet finds the fingerprinted stylesheet's path (caller holds mu).
func (s *Server) stylesheet() string {
	for name := range s.files {
		if strings.HasPrefix(name, "assets/style.") && strings.HasSuffix(name, ".css") {
			return "/" + name
		}
	}
	return ""
}

// Clients is how many live-reload streams are open.
func (s *Server) Clients() int { return s.hub.count() }

// Close ends every live-reload stream.
func (s *Server) Close() { s.hub.close() }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts[r.Host] {
		http.Error(w, "inspectsite serve answers only to "+s.hostList()+"; this request was for "+r.Host, http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p == "/" && s.basePath != "/" {
		http.Redirect(w, r, s.basePath, http.StatusFound)
		return
	}
	if !strings.HasPrefix(p, s.basePath) {
		s.notFound(w, r)
		return
	}
	rel := strings.TrimPrefix(p, s.basePath)
	if s.reload && strings.HasPrefix(rel, "_inspectsite/") {
		s.serveInternal(w, r, strings.TrimPrefix(rel, "_inspectsite/"))
		return
	}
	s.serveFile(w, r, rel)
}

func (s *Server) hostList() string {
	var hs []string
	for h := range s.hosts {
		hs = append(hs, h)
	}
	return strings.Join(hs, ", ")
}

// lookup maps a request path (below the base path) to a file of the site.
// It is a map lookup: "..", encoded slashes or backslashes can only fail to
// match, never reach the disk.
func (s *Server) lookup(rel string) (name string, body []byte, redirect bool) {
	if strings.ContainsAny(rel, "\\\x00") {
		return "", nil, false
	}
	clean := strings.TrimPrefix(path.Clean("/"+rel), "/")
	if clean == "." {
		clean = ""
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		name = path.Join(clean, "index.html")
	} else {
		name = clean
	}
	s.mu.RLock()
	b, ok := s.files[name]
	_, folder := s.files[path.Join(clean, "index.html")]
	s.mu.RUnlock()
	if ok && name != ".inspectsite" {
		return name, b, false
	}
	if folder && !strings.HasSuffix(rel, "/") {
		return "", nil, true // a folder asked for without its slash
	}
	if s.Lazy != nil {
		if b, ok := s.Lazy(name); ok {
			return name, b, false
		}
	}
	return "", nil, false
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	name, body, redirect := s.lookup(rel)
	if redirect {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	if body == nil {
		s.mu.RLock()
		empty := s.files == nil
		s.mu.RUnlock()
		if empty {
			s.errorPage(w)
			return
		}
		s.notFound(w, r)
		return
	}
	s.write(w, r, name, body, http.StatusOK)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	body, ok := s.files["404.html"]
	s.mu.RUnlock()
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.write(w, r, "404.html", body, http.StatusNotFound)
}

// errorPage is what a first build that failed entirely shows.
func (s *Server) errorPage(w http.ResponseWriter) {
	s.mu.RLock()
	problem, build := s.problem, s.build
	s.mu.RUnlock()
	var page strings.Builder
	if err := pages.ExecuteTemplate(&page, "error", pageData{s.escapedBase(), build, problem}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.headers(w, "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(page.String()))
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, body []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".html":
		ctype = "text/html; charset=utf-8"
	case ".csv":
		ctype = "text/csv; charset=utf-8"
	case ".xml":
		ctype = "application/xml; charset=utf-8"
	case ".json":
		ctype = "application/json; charset=utf-8"
	case ".txt":
		ctype = "text/plain; charset=utf-8"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if s.reload && strings.HasSuffix(name, ".html") {
		body = s.inject(body)
	}
	s.headers(w, ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func (s *Server) headers(w http.ResponseWriter, ctype string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
}

// inject adds the reload script at the end of <head>, found by the HTML
// tokenizer.
func (s *Server) inject(body []byte) []byte {
	s.mu.RLock()
	build := s.build
	s.mu.RUnlock()
	i := headEnd(body)
	if i < 0 {
		return body
	}
	tag := s.scriptTag(build)
	out := make([]byte, 0, len(body)+len(tag))
	out = append(out, body[:i]...)
	out = append(out, tag...)
	return append(out, body[i:]...)
}

// headEnd is the offset of the end tag of a page's head, or -1.
func headEnd(page []byte) int {
	z := html.NewTokenizer(bytes.NewReader(page))
	at := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return -1
		}
		if tt == html.EndTagToken {
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return at
			}
		}
		at += len(z.Raw())
	}
}

func (s *Server) scriptTag(build int) string {
	if !s.reload {
		return ""
	}
	var b strings.Builder
	if err := pages.ExecuteTemplate(&b, "reload", pageData{Base: s.escapedBase(), Build: build}); err != nil {
		return ""
	}
	return b.String()
}

// escapedBase is the base path with each segment percent-encoded.
func (s *Server) escapedBase() string {
	segs := strings.Split(s.basePath, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}

func (s *Server) serveInternal(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "reload.js":
		s.headers(w, "text/javascript; charset=utf-8")
		w.Write(reloadJS)
	case "overlay.css":
		s.headers(w, "text/css; charset=utf-8")
		w.Write(overlayCSS)
	case "events":
		s.events(w, r)
	default:
		s.notFound(w, r)
	}
}

// events streams build events to one page until it goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.hub.join()
	if !ok {
		http.Error(w, "server closing", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // let proxies pass events at once
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	s.mu.RLock()
	problem, build := s.problem, s.build
	s.mu.RUnlock()
	// A page from an older build, or opened while the build is broken,
	// learns it at once.
	switch {
	case problem != "":
		writeEvent(w, event{"problem", problem})
	case r.URL.Query().Get("build") != strconv.Itoa(build):
		writeEvent(w, event{"reload", strconv.Itoa(build)})
	}
	flusher.Flush()
	heartbeat := time.NewTicker(20 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok {
				return
			}
			writeEvent(w, e)
			flusher.Flush()
		case <-heartbeat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range eventLines(e.data) {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
