package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/serve"
)

// site is a running `serve` on a copy of the repository's content/.
type site struct {
	t      *testing.T
	dir    string
	base   string
	builds chan *build.Result
	stop   func()
	log    *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t *testing.T, extra map[string]string) *site {
	t.Helper()
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	for _, f := range seeds {
		b, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(dir, "content", filepath.Base(f)), b, 0o644)
	}
	for name, body := range extra {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &site{t: t, dir: dir, base: "http://" + ln.Addr().String(), builds: make(chan *build.Result, 1000), log: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{Build: build.Options{Source: dir}, Listener: ln, Log: s.log,
			Quiet: 50 * time.Millisecond, Rebuilt: func(r *build.Result) { s.builds <- r }})
	}()
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(s.stop)
	s.waitBuild()
	return s
}

func (s *site) waitBuild() *build.Result {
	s.t.Helper()
	select {
	case r := <-s.builds:
		return r
	case <-time.After(10 * time.Second):
		s.t.Fatalf("no rebuild within 10s; log:\n%s", s.log.String())
		return nil
	}
}

func (s *site) write(name, body string) {
	s.t.Helper()
	p := filepath.Join(s.dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	// Written whole and renamed into place, so that a loaded machine cannot
	// pause the test between truncating the file and writing it and make
	// the watcher read it empty (internal/watch tests writes in place).
	tmp := p + "~"
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		s.t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) get(path string) (int, string) {
	s.t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events connects a live-reload client and returns its event names.
func (s *site) events(build string) (<-chan string, func()) {
	s.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/_inspectsite/events?build="+build, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	ch := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && name != "":
				ch <- name + " " + strings.TrimPrefix(line, "data: ")
				name = ""
			}
		}
		close(ch)
	}()
	return ch, cancel
}

func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case e := <-ch:
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
		return ""
	}
}

const seed = "content/000_d4d0eb5e2a460308.txt"
const seedPage = "/reports/mersey-cheshire-2018-04-05/"

func (s *site) seedText() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, seed))
	return string(b)
}

func TestEditReachesReloadClientAndPage(t *testing.T) {
	s := start(t, nil)
	ev, cancel := s.events("1")
	defer cancel()
	s.write(seed, strings.Replace(s.seedText(), "more meaningful defence engagement", "far more meaningful defence engagement", 1))
	s.waitBuild()
	if e := next(t, ev); !strings.HasPrefix(e, "reload ") {
		t.Fatalf("event %q, want reload", e)
	}
	if code, body := s.get(seedPage); code != 200 || !strings.Contains(body, "far more meaningful defence engagement") {
		t.Fatalf("page after edit: %d, new text present: %v", code, strings.Contains(body, "far more"))
	}
	if _, body := s.get(seedPage); !strings.Contains(body, `_inspectsite/reload.js`) {
		t.Error("serve must add the reload script")
	}
}

func TestOneEditRerendersOnlyPagesThatShowIt(t *testing.T) {
	s := start(t, nil)
	s.write(seed, strings.Replace(s.seedText(), "more meaningful defence engagement", "much more meaningful defence engagement", 1))
	res := s.waitBuild()
	if res.Errors != 0 {
		t.Fatal(res.Diags)
	}
	// Every page whose data holds the edited report: the report, its source,
	// its Area, the theme pages that list its issues, and the pages listing
	// it (a template may show any field of a report it is given: the
	// compare views, the lists of its programme and year, and the commitments of every
	// report). Not the
	// glossary, the list of themes (its counts did not change), the other
	// reports, Areas or themes.
	want := []string{
		"areas/index.html", "areas/mersey-cheshire/index.html", "commitments/index.html", "compare/all/index.html", "compare/index.html", "index.html",
		"reports/index.html", "reports/mersey-cheshire-2018-04-05/index.html", "reports/mersey-cheshire-2018-04-05/source/index.html",
		"reports/programme/aap/index.html", "reports/year/2018/index.html",
		"themes/case-progression/index.html", "themes/charging-and-case-analysis/index.html",
		"themes/community-engagement/index.html", "themes/defence-engagement/index.html", "themes/disclosure/index.html",
		"themes/quality-assurance/index.html", "themes/training/index.html", "themes/victim-communication/index.html",
	}
	if strings.Join(res.Rendered, " ") != strings.Join(want, " ") {
		t.Errorf("re-rendered %d pages:\n%v\nwant %d:\n%v", len(res.Rendered), res.Rendered, len(want), want)
	}
	if res.Files < 40 {
		t.Errorf("the site has %d files: the others must come from the cache", res.Files)
	}
}

func TestAtomicSaveIsSeen(t *testing.T) {
	s := start(t, nil)
	tmp := filepath.Join(s.dir, "content", ".000.txt.swp")
	os.WriteFile(tmp, []byte(strings.Replace(s.seedText(), "more meaningful defence engagement", "atomically saved defence engagement", 1)), 0o644)
	if err := os.Rename(tmp, filepath.Join(s.dir, seed)); err != nil {
		t.Fatal(err)
	}
	s.waitBuild()
	if _, body := s.get(seedPage); !strings.Contains(body, "atomically saved defence engagement") {
		t.Fatal("an editor's write-then-rename save was not picked up")
	}
}

func TestNewDocumentAndNewFolderAppear(t *testing.T) {
	s := start(t, nil)
	doc := "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n05/05/2019\n\nIssues to address\n\n1. Improve disclosure.\nCPS response: We will.\n"
	s.write("content/wessex.txt", doc)
	s.waitBuild()
	if code, _ := s.get("/reports/wessex-2019-05-05/"); code != 200 {
		t.Fatalf("new document: %d", code)
	}
	// A folder made elsewhere and moved in arrives with one event.
	outside := filepath.Join(t.TempDir(), "north")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "ne.txt"), []byte(strings.ReplaceAll(doc, "Wessex", "North East")), 0o644)
	if err := os.Rename(outside, filepath.Join(s.dir, "content", "north")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, _ := s.get("/reports/north-east-2019-05-05/"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a document in a new folder never appeared")
		}
		s.waitBuild()
	}
}

func TestDeletedDocumentBecomes404(t *testing.T) {
	s := start(t, nil)
	os.Remove(filepath.Join(s.dir, seed))
	s.waitBuild()
	code, body := s.get(seedPage)
	if code != 404 || !strings.Contains(body, "Page not found") {
		t.Fatalf("deleted document's page: %d", code)
	}
}

func TestBrokenConfigKeepsOldSiteAndRecovers(t *testing.T) {
	s := start(t, nil)
	ev, cancel := s.events("1")
	defer cancel()
	s.write("site.toml", "title = \"Broken\"\npage_size = \"many\"\n")
	res := s.waitBuild()
	if res.Errors == 0 {
		t.Fatal("a bad site.toml built")
	}
	if e := next(t, ev); !strings.HasPrefix(e, "problem site.toml:2: error:") {
		t.Fatalf("event %q, want a problem naming site.toml:2", e)
	}
	if !strings.Contains(s.log.String(), "site.toml:2: error:") {
		t.Errorf("the terminal did not get the error:\n%s", s.log.String())
	}
	if code, body := s.get("/"); code != 200 || !strings.Contains(body, "CPS inspection responses") {
		t.Fatalf("the last good site is not served: %d", code)
	}
	s.write("site.toml", "title = \"Fixed title\"\n")
	s.waitBuild()
	if e := next(t, ev); !strings.HasPrefix(e, "reload ") {
		t.Fatalf("event %q after the fix, want reload", e)
	}
	if _, body := s.get("/"); !strings.Contains(body, "Fixed title") {
		t.Fatal("the fixed configuration was not applied")
	}
}

func TestManyEditsEndWithTheLastTextAndNoLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	before := runtime.NumGoroutine()
	func() {
		s := start(t, nil)
		text := s.seedText()
		for i := 0; i < 200; i++ {
			s.write(seed, strings.Replace(text, "more meaningful defence engagement", fmt.Sprintf("edit %d of defence engagement", i), 1))
			time.Sleep(10 * time.Millisecond)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			if _, body := s.get(seedPage); strings.Contains(body, "edit 199 of defence engagement") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the final edit was never served")
			}
			time.Sleep(50 * time.Millisecond)
		}
		s.stop()
	}()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func TestRefusesTraversalAndForeignHosts(t *testing.T) {
	s := start(t, nil)
	secret := filepath.Join(s.dir, "secret.txt")
	os.WriteFile(secret, []byte("do not serve"), 0o644)
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/reports/..%5c..%5csecret.txt",
		"/.inspectsite", "/content/" + filepath.Base(seed), "/site.toml", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(s.base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, strings.TrimPrefix(s.base, "http://"))
		b, _ := io.ReadAll(conn)
		conn.Close()
		if strings.Contains(string(b), "do not serve") || strings.Contains(string(b), "root:") || strings.HasPrefix(string(b), "HTTP/1.1 200") {
			t.Errorf("%s: served %q", p, firstLine(string(b)))
		}
	}
	req, _ := http.NewRequest("GET", s.base+"/", nil)
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %d, want 403", resp.StatusCode)
	}
	req.Host = "localhost:" + strings.Split(s.base, ":")[2]
	resp, _ = http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("localhost Host: %d, want 200", resp.StatusCode)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestStylesheetChangeSwapsWithoutReload(t *testing.T) {
	css, err := os.ReadFile("../../templates/style.css")
	if err != nil {
		t.Fatal(err)
	}
	s := start(t, map[string]string{"templates/style.css": string(css)})
	ev, cancel := s.events("1")
	defer cancel()
	s.write("templates/style.css", string(css)+"\n.x { color: red; }\n")
	s.waitBuild()
	e := next(t, ev)
	if !strings.HasPrefix(e, `css {"build":"2","href":"/assets/style.`) {
		t.Fatalf("event %q, want a css swap", e)
	}
}

func TestThousandReloadClientsLeaveNothingBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	s := start(t, nil)
	goroutines := runtime.NumGoroutine()
	round := func() {
		var wg sync.WaitGroup
		for i := 0; i < 1000; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/_inspectsite/events?build=1", nil)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				buf := make([]byte, 16)
				resp.Body.Read(buf) // connected: the stream has begun
				resp.Body.Close()   // and drop
			}()
		}
		wg.Wait()
		http.DefaultClient.CloseIdleConnections()
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > goroutines+5 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > goroutines+5 {
			t.Fatalf("%d goroutines before 1,000 clients, %d after they left", goroutines, n)
		}
	}
	heap := func() int64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	round()
	first := heap()
	round()
	round()
	// What a leak would keep grows with every round; pools and caches that
	// the first round filled do not.
	if grown := heap() - first; grown > 2<<20 {
		t.Errorf("heap grew by %d bytes over two more rounds of 1,000 clients", grown)
	}
}

func TestTenThousandRequestsAllServed(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	s := start(t, nil)
	paths := []string{"/", seedPage, "/compare/", "/themes/disclosure/", "/assets/", "/no-such-page/", "/data/ratings.csv"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	bad := map[string]int{}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
	jobs := make(chan string)
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				resp, err := client.Get(s.base + p)
				if err != nil {
					mu.Lock()
					bad[err.Error()]++
					mu.Unlock()
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				want := 200
				if p == "/no-such-page/" || p == "/assets/" {
					want = 404
				}
				if resp.StatusCode != want {
					mu.Lock()
					bad[fmt.Sprintf("%s: %d", p, resp.StatusCode)]++
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < 10000; i++ {
		jobs <- paths[i%len(paths)]
	}
	close(jobs)
	wg.Wait()
	if len(bad) > 0 {
		t.Fatalf("failures: %v", bad)
	}
}

func TestServesUnderTheBasePath(t *testing.T) {
	s := start(t, map[string]string{"site.toml": "base_url = \"https://example.org/sub/\"\n"})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/sub/" {
		t.Errorf("/ gives %d to %q, want a redirect to /sub/", resp.StatusCode, resp.Header.Get("Location"))
	}
	code, body := s.get("/sub/")
	if code != 200 || !strings.Contains(body, `src="/sub/_inspectsite/reload.js" data-base="/sub/"`) || !strings.Contains(body, `href="/sub/assets/style.`) {
		t.Fatalf("/sub/: %d, reload script under the base path: %v", code, strings.Contains(body, "/sub/_inspectsite/reload.js"))
	}
	if code, _ := s.get("/sub/_inspectsite/reload.js"); code != 200 {
		t.Errorf("reload script: %d", code)
	}
	for _, f := range []string{"data/reports.json", "search/index.json", "sitemap.xml"} {
		if code, body := s.get("/sub/" + f); code != 200 || len(body) < 100 {
			t.Errorf("%s, made on request: %d", f, code)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/sub/_inspectsite/events?build=0", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("events under the base path: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestStartingBrokenShowsTheErrorThenRecovers(t *testing.T) {
	s := start(t, map[string]string{"site.toml": "title = \"x\"\nratings = 5\n"})
	code, body := s.get("/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "site.toml:2: error:") || !strings.Contains(body, "_inspectsite/reload.js") {
		t.Fatalf("first build broken: %d\n%s", code, body)
	}
	s.write("site.toml", "title = \"Fixed at last\"\n")
	s.waitBuild()
	if code, body := s.get("/"); code != 200 || !strings.Contains(body, "Fixed at last") {
		t.Fatalf("after the fix: %d", code)
	}
}
