package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A page edited in place to other bytes of the same size, its
// modification time put back (touch -r), is still the inode of that size
// and time the manifest records; only its ctime tells. A manifest touched
// after the edit (touch, or an editor saving it unchanged) must not vouch
// for the edited page: the time the manifest records in its closing line,
// not only its modification time, bounds what it vouches for.
func TestManifestTouchedAfterAnEditVouchesForNothingEdited(t *testing.T) {
	needInodes(t)
	dest := filepath.Join(t.TempDir(), "site")
	recipe := [16]byte{3}
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.Keep("index.html", recipe)
	if err := w.Write("index.html", []byte("<h1>x</h1>")); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	settle(t, dest)
	page := filepath.Join(dest, "index.html")
	fi, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(page, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("<H1>"), 0)
	f.Close()
	os.Chtimes(page, fi.ModTime(), fi.ModTime())
	time.Sleep(20 * time.Millisecond)
	now := time.Now()
	os.Chtimes(manifestName(dest), now, now)
	w, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if w.Keep("index.html", recipe) {
		t.Error("a page edited in place before the manifest was touched was kept")
	}
}
