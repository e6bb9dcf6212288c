package output

import (
	"os"
	"path/filepath"
	"testing"
)

// A page of the previous site whose permissions were changed (chmod 600,
// or 000 by an owner who can still read it) has the same bytes as the
// page the build makes: it was linked into the new site as it was, so the
// web server kept answering 403 for it, build after build, while a fresh
// build gave a readable page. A file of other permissions than those the
// build gives new files is written again, whether its bytes are compared,
// vouched for or kept.
func TestFilesOfOtherPermissionsAreWrittenAgain(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	recipe := [16]byte{7}
	run := func() *Writer {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"index.html", "a/index.html"} {
			if err := w.Write(name, []byte("page "+name)); err != nil {
				t.Fatal(err)
			}
		}
		if !w.Keep("b/index.html", recipe) {
			if err := w.Write("b/index.html", []byte("page b")); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		return w
	}
	run()
	fresh, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a/index.html", "b/index.html"} {
		if err := os.Chmod(filepath.Join(dest, name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The manifest dated after the chmods, as one written after them is:
	// it vouches for the files, and only their mode tells.
	settle(t, dest)
	run()
	for _, name := range []string{"index.html", "a/index.html", "b/index.html"} {
		fi, err := os.Stat(filepath.Join(dest, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != fresh.Mode().Perm() {
			t.Errorf("%s has mode %v after a build, want %v as a fresh build gives", name, fi.Mode().Perm(), fresh.Mode().Perm())
		}
	}
}
