package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// newSite makes a site folder holding the repository's content/ and the
// given extra files.
func newSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	if len(seeds) == 0 {
		t.Fatal("no content/ in the repository")
	}
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "content", filepath.Base(s)), b, 0o644)
	}
	for name, body := range extra {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	return dir
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// tree reads every file under dir into a map.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[rel] = string(b)
		}
		return nil
	})
	return m
}

func TestBuildSeeds(t *testing.T) {
	dir := newSite(t, nil)
	code, out, errs := runCmd("build", "-source", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "built 5 reports, 5 areas, 12 themes,") {
		t.Errorf("summary = %q", out)
	}
	if !strings.Contains(errs, "content/002_846e74a289f4ef76.txt: warning: no publication date stated") {
		t.Errorf("missing date warning in %q", errs)
	}
	for _, f := range []string{"data/reports.json", "data/issues.csv", "data/ratings.csv"} {
		if _, err := os.Stat(filepath.Join(dir, "public", f)); err != nil {
			t.Error(err)
		}
	}
	first := tree(t, filepath.Join(dir, "public"))
	if code, _, errs := runCmd("build", "-source", dir); code != 0 {
		t.Fatalf("second build: exit %d: %s", code, errs)
	}
	second := tree(t, filepath.Join(dir, "public"))
	if len(first) != len(second) {
		t.Fatalf("second build wrote %d files, first %d", len(second), len(first))
	}
	for name, body := range first {
		if second[name] != body {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// A build writes the same bytes on one core as on all of them, with its
// page buffers reused from page to page.
func TestBuildIsTheSameOnOneCore(t *testing.T) {
	dir := newSite(t, nil)
	prev := runtime.GOMAXPROCS(1)
	code, _, errs := runCmd("build", "-source", dir, "-dest", filepath.Join(dir, "one"))
	runtime.GOMAXPROCS(prev)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if code, _, errs := runCmd("build", "-source", dir, "-dest", filepath.Join(dir, "all")); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	one, all := tree(t, filepath.Join(dir, "one")), tree(t, filepath.Join(dir, "all"))
	if len(one) != len(all) || len(one) < 50 {
		t.Fatalf("%d files on one core, %d on %d", len(one), len(all), prev)
	}
	for name, body := range one {
		if all[name] != body {
			t.Errorf("%s differs between one core and %d", name, prev)
		}
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	dir := newSite(t, map[string]string{"mine/notes.txt": "precious"})
	code, _, errs := runCmd("build", "-source", dir, "-dest", filepath.Join(dir, "mine"))
	if code != 2 || !strings.Contains(errs, "did not create it") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "mine/notes.txt")); string(b) != "precious" {
		t.Fatal("the folder was touched")
	}
}

func TestBadConfigKeepsPreviousSite(t *testing.T) {
	dir := newSite(t, nil)
	if code, _, errs := runCmd("build", "-source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	before := tree(t, filepath.Join(dir, "public"))
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\npage_sise = 3\n"), 0o644)
	code, _, errs := runCmd("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, "site.toml:2: error: unknown key \"page_sise\"") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	after := tree(t, filepath.Join(dir, "public"))
	if len(after) != len(before) || after["data/reports.json"] != before["data/reports.json"] {
		t.Fatal("a failed build changed the previous site")
	}
}

func TestStrictFailsOnWarnings(t *testing.T) {
	dir := newSite(t, nil)
	code, _, errs := runCmd("build", "-strict", "-source", dir)
	if code != 1 || !strings.Contains(errs, "warning") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Fatal("a strict build with warnings wrote a site")
	}
}

func TestDocumentErrorStillBuildsTheRest(t *testing.T) {
	dir := newSite(t, map[string]string{"content/broken.md": "+++\ntitle = \"never closed\"\n"})
	code, out, errs := runCmd("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, "content/broken.md:1: error: front matter opened with +++ is never closed") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "built 5 reports") {
		t.Fatalf("the good documents were not built: %q", out)
	}
}

func TestCheckAndUsage(t *testing.T) {
	dir := newSite(t, nil)
	if code, out, _ := runCmd("check", "-source", dir); code != 0 || !strings.Contains(out, "checked 5 documents: 0 errors, 2 warnings") {
		t.Errorf("check: exit %d, %q", code, out)
	}
	if code, _, _ := runCmd("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, _ := runCmd("build", "-nope"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, out, _ := runCmd("version"); code != 0 || !strings.HasPrefix(out, "inspectsite ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestCheckFindsBrokenLinks(t *testing.T) {
	dir := newSite(t, map[string]string{
		"templates/404.html": `{{define "content"}}<h1>Lost</h1><p><a href="{{url .Base "no-such-page"}}">x</a> <a href="{{url .Base "compare"}}#no-such-id">y</a></p>{{end}}`,
	})
	code, _, out := runCmd("check", "-source", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{`public/404.html: error: link "/no-such-page/" does not resolve: no such file no-such-page/index.html`,
		`public/404.html: error: link "/compare/#no-such-id" does not resolve: no element with id no-such-id in compare/index.html`} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}
