package main

import (
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
)

// capture collects what a child process writes, safely for polling.
type capture struct {
	mu sync.Mutex
	b  strings.Builder
}

func (o *capture) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.Write(p)
}

func (o *capture) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// waitFor polls until o holds want, failing after ten seconds.
func waitFor(t *testing.T, o *capture, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(o.String(), want) {
			return
		}
	}
	t.Fatalf("no %q within 10s in:\n%s", want, o.String())
}

// A port in use is found before the first build, with a hint.
func TestServeBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := newSite(t, nil)
	t0 := time.Now()
	code, out, errs := runCmd("serve", "-source", dir, "-addr", ln.Addr().String())
	if code != 1 || out != "" || !strings.Contains(errs, ln.Addr().String()+" is already in use") || !strings.Contains(errs, "-addr 127.0.0.1:1314") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if strings.Contains(errs, "warning") || time.Since(t0) > time.Second {
		t.Errorf("the site was built before the port was tried (%v): %q", time.Since(t0), errs)
	}
}

// serve says "built" once, then "rebuilt N changed documents" after each
// edit, printing the diagnostics of the documents that changed (on stderr)
// and not again those of the others; Ctrl-C stops it at once, saying so.
func TestServeSaysWhatItRebuiltAndStopsOnCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server and edits files")
	}
	dir := newSite(t, nil)
	var stdout, stderr capture
	cmd := command("serve", "-source", dir, "-addr", "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitFor(t, &stdout, "serving on http://127.0.0.1:")
	if !strings.HasPrefix(stdout.String(), "built 5 reports in ") {
		t.Errorf("the first build is not said to be built: %q", stdout.String())
	}
	const undated = "content/002_846e74a289f4ef76.txt: warning: no publication date"
	if n := strings.Count(stderr.String(), undated); n != 1 {
		t.Errorf("first build: the undated document's warning printed %d times:\n%s", n, stderr.String())
	}

	seed := filepath.Join(dir, "content/000_d4d0eb5e2a460308.txt")
	text := readFile(t, seed)
	os.WriteFile(seed, []byte(strings.Replace(text, "learning and development plan", "learning plan", 1)), 0o644)
	waitFor(t, &stdout, "rebuilt 1 changed document in ")
	if n := strings.Count(stderr.String(), undated); n != 1 {
		t.Errorf("an edit of another document printed the unchanged one's warning again (%d times):\n%s", n, stderr.String())
	}
	undatedFile := filepath.Join(dir, "content/002_846e74a289f4ef76.txt")
	os.WriteFile(undatedFile, []byte(readFile(t, undatedFile)+"\nOne more line.\n"), 0o644)
	for deadline := time.Now().Add(10 * time.Second); strings.Count(stdout.String(), "rebuilt 1 changed document in ") < 2; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no second rebuild:\n%s", stdout.String())
		}
	}
	if n := strings.Count(stderr.String(), undated); n != 2 {
		t.Errorf("the edited document's warning printed %d times in all, want 2:\n%s", n, stderr.String())
	}
	if strings.Contains(stdout.String(), "warning") || strings.Contains(stderr.String(), "serving on") {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}

	t0 := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve after Ctrl-C: %v", err)
	}
	if took := time.Since(t0); took > 500*time.Millisecond {
		t.Errorf("Ctrl-C took %v to stop serve", took)
	}
	if !strings.HasSuffix(stdout.String(), "\nstopped\n") {
		t.Errorf("serve did not say it stopped: %q", stdout.String())
	}
}

// serve reads a -config outside the site folder (it cannot watch it).
func TestServeWithConfigOutsideTheSite(t *testing.T) {
	dir := newSite(t, nil)
	cfg := filepath.Join(t.TempDir(), "elsewhere.toml")
	os.WriteFile(cfg, []byte("title = \"Elsewhere\"\n"), 0o644)
	var stdout, stderr capture
	cmd := command("serve", "-source", dir, "-config", cfg, "-addr", "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitFor(t, &stdout, " (Ctrl-C to stop)")
	addr := strings.Fields(strings.SplitN(stdout.String(), "serving on ", 2)[1])[0]
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "Elsewhere") {
		t.Errorf("the home page does not have the configured title:\n%.300s", page)
	}
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
}

// Ctrl-C in the middle of the first build of a large site stops serve as
// quickly: the build is abandoned, not waited for.
func TestServeStopsDuringABuild(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 3,000 documents")
	}
	dir := t.TempDir()
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	for _, d := range corpus.Generate(cfg, 3000) {
		os.WriteFile(filepath.Join(dir, "content", d.Name), d.Text, 0o644)
	}
	var stdout, stderr capture
	cmd := command("serve", "-source", dir, "-addr", "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	time.Sleep(300 * time.Millisecond)
	building := !strings.Contains(stdout.String(), "built ")
	t0 := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	if took := time.Since(t0); took > 500*time.Millisecond {
		t.Errorf("Ctrl-C took %v (during the build: %v)", took, building)
	}
	if !building {
		t.Log("the build had finished before Ctrl-C; measured an idle stop")
	}
	if stdout.String() != "stopped\n" && !strings.HasSuffix(stdout.String(), "\nstopped\n") {
		t.Errorf("stdout %q", stdout.String())
	}
}
