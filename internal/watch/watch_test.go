package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestIgnoredEditorFiles(t *testing.T) {
	for _, name := range []string{"content/.x.txt.swp", "content/x.txt~", "content/#x.txt#", "content/.#x.txt", "content/4913",
		"content/x.txt___jb_tmp___", "content/.goutputstream-ABC", "content/x.bck", "content/x.txt.swx"} {
		if !Ignored(name) {
			t.Errorf("%s is an editor file and must be ignored", name)
		}
	}
	for _, name := range []string{"content/x.txt", "content/notes.md", "site.toml"} {
		if Ignored(name) {
			t.Errorf("%s must not be ignored", name)
		}
	}
}

func TestLimitErrorsSayWhatToRaise(t *testing.T) {
	if err := limitError(fmt.Errorf("watching x: %w", syscall.ENOSPC)); !strings.Contains(err.Error(), "fs.inotify.max_user_watches") {
		t.Errorf("ENOSPC: %v", err)
	}
	if err := limitError(fmt.Errorf("new watcher: %w", syscall.EMFILE)); !strings.Contains(err.Error(), "fs.inotify.max_user_instances") {
		t.Errorf("EMFILE: %v", err)
	}
}

func newWatcher(t *testing.T) (*Watcher, string) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "a"), 0o755)
	w, err := New(Options{Root: dir, Dirs: []string{"content", "templates"}, Files: []string{"site.toml"}, Quiet: 50 * time.Millisecond, BurstLimit: 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, dir
}

func recv(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.C:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
		return Batch{}
	}
}

func TestBurstBecomesOneBatch(t *testing.T) {
	w, dir := newWatcher(t)
	for i := 0; i < 5; i++ {
		os.WriteFile(filepath.Join(dir, "content", "a", "x.txt"), []byte(fmt.Sprint(i)), 0o644)
		os.WriteFile(filepath.Join(dir, "content", ".x.txt.swp"), []byte("tmp"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "unrelated.txt"), []byte("x"), 0o644)
	b := recv(t, w)
	if strings.Join(b.Paths, " ") != "content/a/x.txt site.toml" || b.Full {
		t.Fatalf("batch %+v", b)
	}
}

func TestNewFolderIsWatchedWithItsFiles(t *testing.T) {
	w, dir := newWatcher(t)
	outside := filepath.Join(t.TempDir(), "b")
	os.MkdirAll(filepath.Join(outside, "c"), 0o755)
	os.WriteFile(filepath.Join(outside, "c", "y.txt"), []byte("y"), 0o644)
	os.Rename(outside, filepath.Join(dir, "content", "b"))
	b := recv(t, w)
	if !b.Full || !strings.Contains(strings.Join(b.Paths, " "), "content/b/c/y.txt") {
		t.Fatalf("batch %+v", b)
	}
	os.WriteFile(filepath.Join(dir, "content", "b", "c", "y.txt"), []byte("changed"), 0o644)
	if b := recv(t, w); strings.Join(b.Paths, " ") != "content/b/c/y.txt" {
		t.Fatalf("a file in the new folder is not watched: %+v", b)
	}
}

func TestLargeBurstAsksForFullRebuild(t *testing.T) {
	w, dir := newWatcher(t)
	for i := 0; i < 30; i++ {
		os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("f%d.txt", i)), []byte("x"), 0o644)
	}
	if b := recv(t, w); !b.Full {
		t.Fatalf("30 files > burst limit 20 must ask for a full rebuild: %+v", b)
	}
}

func TestConfigInASubfolderIsWatched(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "conf"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	w, err := New(Options{Root: dir, Dirs: []string{"content"}, Files: []string{"conf/site.toml"}, Quiet: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tmp := filepath.Join(dir, "conf", ".site.toml.swp")
	os.WriteFile(tmp, []byte("title = \"x\"\n"), 0o644)
	os.Rename(tmp, filepath.Join(dir, "conf", "site.toml"))
	if b := recv(t, w); strings.Join(b.Paths, " ") != "conf/site.toml" {
		t.Fatalf("batch %+v", b)
	}
}
