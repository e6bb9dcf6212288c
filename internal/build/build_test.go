package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"inspectsite/internal/diag"
)

const wessexDoc = `CPS Wessex: response to the HMCPSI inspection report

1. Letters to victims are late.

CPS response: We will send them on time.
`

// A build does not keep the documents' texts: source pages read them again,
// and a document changed since it was read is an error, not a wrong page.
func TestSourcePagesReadTheTextAgain(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "wessex.txt"), []byte(wessexDoc), 0o644)
	res, err := Build(Options{Source: dir})
	if err != nil {
		t.Fatal(err, res.Diags)
	}
	r := res.Site.Reports[0]
	if r.Text != "" {
		t.Error("the built model still holds the document's text")
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", strings.TrimPrefix(r.URL, "/"), "source", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<li id="L3">1. Letters to victims are late.</li>`) {
		t.Errorf("source page lacks line 3:\n%s", page)
	}

	text := sourceText(fstest.MapFS{"content/wessex.txt": {Data: []byte(wessexDoc + "Edited.\n")}})
	_, err = text(r, nil)
	d, ok := err.(diag.Diagnostic)
	if !ok || d.Path != "content/wessex.txt" || !strings.Contains(d.Message, "changed while") {
		t.Errorf("changed document: got %v, want a diagnostic naming the file", err)
	}
}

// A build writes the same bytes on one core as on all of them, with its
// page buffers reused from page to page.
func TestBuildIsTheSameOnOneCore(t *testing.T) {
	read := func(dir string) map[string]string {
		files := map[string]string{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				files[rel] = string(b)
			}
			return nil
		})
		return files
	}
	one, all := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "all")
	prev := runtime.GOMAXPROCS(1)
	_, err := Build(Options{Source: "../..", Dest: one})
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Source: "../..", Dest: all}); err != nil {
		t.Fatal(err)
	}
	a, b := read(one), read(all)
	if len(a) != len(b) || len(a) < 50 {
		t.Fatalf("%d files on one core, %d on %d", len(a), len(b), prev)
	}
	for name, data := range a {
		if b[name] != data {
			t.Errorf("%s differs between one core and %d", name, prev)
		}
	}
}
