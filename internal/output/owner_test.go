package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// kill ends w as kill -9 would: the kernel drops the lock, nothing else
// is cleaned up.
func kill(w *Writer) { w.own.f.Close() }

func age(t *testing.T, path string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

// Issue 15 case 1: a paused build whose folder has aged is still live; a
// second build into the same -dest is refused and removes nothing.
func TestLiveBuildsFolderIsNeverRemoved(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"index.html": "old"})
	now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	defer func() { now = time.Now }()
	live, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	live.Write("index.html", []byte("new"))
	live.Write("a/index.html", []byte("A"))
	age(t, live.tmp)
	second, err := Begin(dest)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("second build into a live one's -dest: %v", err)
	}
	if second != nil || !strings.Contains(err.Error(), "started 2026-01-02 03:04:05 UTC") || !strings.Contains(err.Error(), "pid ") {
		t.Errorf("the refusal does not name the live build: %v", err)
	}
	if !live.intact() {
		t.Fatal("the live build's folder was removed")
	}
	live.Write("b/index.html", []byte("B"))
	if err := live.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"index.html": "new", "a/index.html": "A", "b/index.html": "B"} {
		if b, _ := os.ReadFile(filepath.Join(dest, name)); string(b) != want {
			t.Errorf("%s = %q, want %q", name, b, want)
		}
	}
	if _, err := os.Lstat(filepath.Join(dest, ownerFile)); err == nil {
		t.Error("the owner file was committed with the site")
	}
	next, err := Begin(dest)
	if err != nil {
		t.Fatalf("a build after the live one ended: %v", err)
	}
	next.Abort()
}

// Issue 15 case 1: a build whose temporary folder is removed under it
// fails, does not recreate it, and commits nothing.
func TestVanishedFolderCommitsNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"index.html": "old"})
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("reports/a/index.html", []byte("A"))
	os.RemoveAll(w.tmp)
	for _, name := range []string{"reports/b/index.html", "c/d/index.html", "index.html"} {
		if err := w.Write(name, []byte("x")); !errors.Is(err, ErrVanished) {
			t.Errorf("Write(%s) after the folder went: %v", name, err)
		}
	}
	if _, err := os.Lstat(w.tmp); err == nil {
		t.Fatal("the temporary folder was made again")
	}
	err = w.Commit()
	if !errors.Is(err, ErrVanished) || !strings.Contains(err.Error(), "nothing was committed") {
		t.Fatalf("Commit: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
		t.Fatalf("index.html = %q", b)
	}
}

// A killed build's temporary folder goes at the next build, whatever its age.
func TestKilledBuildIsCleanedUp(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("index.html", []byte("x"))
	kill(w)
	w2, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Abort()
	if _, err := os.Lstat(w.tmp); err == nil {
		t.Error("a killed build's folder was left")
	}
}

// A build killed between the two renames of a swap: the next build puts the
// old site back, from the name its lock record gave.
func TestRecoversFromCrashBetweenRenames(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, dest, map[string]string{"index.html": "old"})
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.Write("index.html", []byte("new"))
	w.own.rec.aside = asidePrefix("public") + "7"
	w.own.save()
	if err := os.Rename(dest, filepath.Join(filepath.Dir(dest), w.own.rec.aside)); err != nil {
		t.Fatal(err)
	}
	kill(w)
	w2, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	w2.Abort()
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
		t.Fatalf("previous site not restored: %q", b)
	}
	if _, err := os.Lstat(w.tmp); err == nil {
		t.Error("the killed build's folder was left")
	}
}

// Issue 15 case 2: folders beside -dest that inspectsite did not make are
// never removed or renamed, whether the build refuses or succeeds; names
// are matched literally, never as patterns.
func TestUsersFoldersBesideDestAreKept(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dest    string // base name
		foreign bool   // dest exists and is not ours
		user    []string
	}{
		{"refused build, user's .old", "mysite", true, []string{".mysite.old", ".mysite.old-1"}},
		{"fresh build, user's .old", "other", false, []string{".other.old", ".other.old-12"}},
		{"aged look-alike temporary folders", "site", false, []string{".site.new-backup", ".site.new-2023", ".site.new-"}},
		{"a pattern as -dest", "*", false, []string{".notes.new-2023", ".x.new-1"}},
		{"brackets as -dest", "[a-z]", false, []string{".b.new-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, tc.dest)
			if tc.foreign {
				os.MkdirAll(dest, 0o755)
				os.WriteFile(filepath.Join(dest, "thesis.doc"), []byte("mine"), 0o644)
			}
			for _, u := range tc.user {
				os.MkdirAll(filepath.Join(dir, u), 0o755)
				os.WriteFile(filepath.Join(dir, u, "notes.txt"), []byte("mine"), 0o644)
				age(t, filepath.Join(dir, u))
			}
			w, err := Begin(dest)
			if tc.foreign {
				if !errors.Is(err, ErrNotOurs) {
					t.Fatalf("Begin on a foreign folder: %v", err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				w.Write("index.html", []byte("x"))
				if err := w.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			for _, u := range tc.user {
				if b, _ := os.ReadFile(filepath.Join(dir, u, "notes.txt")); string(b) != "mine" {
					t.Errorf("%s was removed or renamed", u)
				}
			}
			if tc.foreign {
				if b, _ := os.ReadFile(filepath.Join(dest, "thesis.doc")); string(b) != "mine" {
					t.Error("the refused -dest was changed")
				}
			}
		})
	}
}

// A file where the lock file goes, that inspectsite did not write, is
// refused and left as it was.
func TestForeignLockFileIsKept(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	lock := lockName(dest)
	os.WriteFile(lock, []byte("my notes\n"), 0o644)
	if _, err := Begin(dest); !errors.Is(err, ErrRefused) {
		t.Fatalf("Begin with a foreign lock file: %v", err)
	}
	if b, _ := os.ReadFile(lock); string(b) != "my notes\n" {
		t.Errorf("lock file now %q", b)
	}
}

// "." as -dest has a parent to hold the lock and the temporary folder.
func TestDotDest(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.Mkdir(site, 0o755)
	t.Chdir(site)
	write(t, ".", map[string]string{"index.html": "x"})
	if _, err := os.Stat(filepath.Join(dir, ".site.lock")); err != nil {
		t.Errorf("no lock beside the folder: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(site, "index.html")); string(b) != "x" {
		t.Errorf("index.html = %q", b)
	}
	if _, err := Begin("/"); !errors.Is(err, ErrRefused) {
		t.Errorf("Begin(/): %v", err)
	}
}
