package main

import (
	"encoding/json"

	"math/rand"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
)

// completeSite checks that dest holds one whole site: the marker, a
// reports.json that parses, and a page for every report in it. It
// returns how many reports the site has.
func completeSite(t *testing.T, dest string) int {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dest, ".inspectsite")); err != nil {
		t.Fatalf("no marker: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dest, "data/reports.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Reports []struct{ URL string } `json:"reports"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("reports.json is cut short: %v", err)
	}
	for _, r := range doc.Reports {
		if _, err := os.Stat(filepath.Join(dest, r.URL, "index.html")); err != nil {
			t.Fatalf("reports.json lists %s but its page is missing", r.URL)
		}
	}
	for _, f := range []string{"index.html", "compare/index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Fatalf("%s missing", f)
		}
	}
	return len(doc.Reports)
}

func TestKilledBuildsLeaveTheLastCompleteSite(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	small := newSite(t, nil)
	big := t.TempDir()
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	for _, d := range corpus.Generate(cfg, 400) {
		os.MkdirAll(filepath.Join(big, "content"), 0o755)
		os.WriteFile(filepath.Join(big, "content", d.Name), d.Text, 0o644)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if err := command("build", "-source", small, "-dest", dest).Run(); err != nil {
		t.Fatal(err)
	}
	if n := completeSite(t, dest); n != 5 {
		t.Fatalf("%d reports", n)
	}
	t0 := time.Now()
	command("build", "-source", big, "-dest", filepath.Join(t.TempDir(), "timing")).Run()
	full := time.Since(t0)

	rng := rand.New(rand.NewSource(1))
	kills := 0
	for i := 0; i < 12; i++ {
		src := big
		if i%2 == 1 {
			src = small
		}
		cmd := command("build", "-source", src, "-dest", dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(full))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		cmd.Wait()
		n := completeSite(t, dest)
		if n != 5 && n != 400 {
			t.Fatalf("kill %d: a site of %d reports", i, n)
		}
	}
	t.Logf("%d builds killed at random points (full build %v); -dest was a complete site after each", kills, full)
	if err := command("build", "-source", big, "-dest", dest).Run(); err != nil {
		t.Fatalf("a build after the kills failed: %v", err)
	}
	if n := completeSite(t, dest); n != 400 {
		t.Fatalf("%d reports after a clean build", n)
	}
	// The killed builds' folders went with the next build: only the site,
	// its lock file and its manifest are left beside it.
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.lock" && e.Name() != ".public.manifest" {
			t.Errorf("%s left beside -dest", e.Name())
		}
	}
}
