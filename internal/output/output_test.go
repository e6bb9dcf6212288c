package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func write(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := w.Write(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestUnchangedFilesKeepTheirTime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"a/index.html": "A", "b/index.html": "B"})
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dest, "a/index.html"), old, old)
	os.Chtimes(filepath.Join(dest, "b/index.html"), old, old)
	write(t, dest, map[string]string{"a/index.html": "A", "b/index.html": "B2", "c.txt": "C"})
	fa, _ := os.Stat(filepath.Join(dest, "a/index.html"))
	fb, _ := os.Stat(filepath.Join(dest, "b/index.html"))
	if !fa.ModTime().Equal(old) {
		t.Errorf("unchanged file rewritten: mtime %v", fa.ModTime())
	}
	if fb.ModTime().Equal(old) {
		t.Errorf("changed file kept its old time")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "b/index.html")); string(b) != "B2" {
		t.Errorf("b = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Error("no marker")
	}
}

func TestRemovedFilesDisappear(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"gone.html": "x", "kept.html": "y"})
	write(t, dest, map[string]string{"kept.html": "y"})
	if _, err := os.Stat(filepath.Join(dest, "gone.html")); err == nil {
		t.Error("a file the new build did not write survived")
	}
}

func TestRefusesForeignFolders(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "thesis.doc"), []byte("x"), 0o644)
	if _, err := Begin(dir); !errors.Is(err, ErrNotOurs) {
		t.Fatalf("Begin on a foreign folder: %v", err)
	}
	file := filepath.Join(dir, "thesis.doc")
	if _, err := Begin(file); !errors.Is(err, ErrRefused) {
		t.Fatalf("Begin on a file: %v", err)
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if w, err := Begin(empty); err != nil {
		t.Fatalf("Begin on an empty folder: %v", err)
	} else {
		w.Abort()
	}
}

func TestAbortLeavesPreviousSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"index.html": "old"})
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("index.html", []byte("new"))
	w.Abort()
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
		t.Fatalf("index.html = %q after an aborted build", b)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*")); len(m) != 0 {
		t.Errorf("temporary folders left: %v", m)
	}
}

func TestPathsStayInside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for _, bad := range []string{"../x", "/etc/passwd", "a/../../x", "..", "a\\..\\..\\x", ""} {
		if err := w.Write(bad, []byte("x")); err == nil {
			t.Errorf("Write(%q) accepted", bad)
		}
	}
}
