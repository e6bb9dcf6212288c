package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// build writes files (and one streamed file, data.csv, when stream is not
// "") into dest and commits, returning the writer for its counts.
func build(t *testing.T, dest string, files map[string]string, stream string) *Writer {
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
	if stream != "" {
		err := w.WriteStream("data.csv", func(out io.Writer) error {
			_, err := io.WriteString(out, stream)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return w
}

// settle makes the manifest as it is after a real build, written well after
// the site's files (its recorded time and its modification time), and lets
// the clock move on past it. A test site is
// written within one tick of the file system's clock, in which the manifest
// can vouch for nothing.
func settle(t *testing.T, dest string) {
	t.Helper()
	later := time.Now().Add(30 * time.Millisecond)
	name := manifestName(dest)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// A whole manifest is written again as if written then; one a test
	// has spoilt is left as it is.
	if files, _, err := parseManifest(data); err == nil {
		var b bytes.Buffer
		if err := encodeManifest(&b, files, later.Add(clockMargin)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(later) + 50*time.Millisecond)
}

func needInodes(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the manifest is trusted on Linux only")
	}
}

var site1 = map[string]string{"index.html": "home page", "a/index.html": "page A", "b/index.html": "page B"}

func readSite(t *testing.T, dest string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for name := range site1 {
		b, _ := os.ReadFile(filepath.Join(dest, name))
		got[name] = string(b)
	}
	b, _ := os.ReadFile(filepath.Join(dest, "data.csv"))
	got["data.csv"] = string(b)
	return got
}

func TestManifestKeepsUnchangedFilesWithoutReadingThem(t *testing.T) {
	needInodes(t)
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, site1, "a,b\n1,2\n")
	settle(t, dest)
	before, _ := os.Stat(filepath.Join(dest, "a/index.html"))
	beforeCSV, _ := os.Stat(filepath.Join(dest, "data.csv"))

	next := map[string]string{"index.html": "home page", "a/index.html": "page A", "b/index.html": "page B, changed"}
	w := build(t, dest, next, "a,b\n1,2\n")
	if n := w.Compared(); n != 0 {
		t.Errorf("%d files read back from the previous site; the manifest vouches for all", n)
	}
	if written, kept := w.Stats(); written != 1 || kept != 3 {
		t.Errorf("written %d, kept %d; want 1 and 3", written, kept)
	}
	after, _ := os.Stat(filepath.Join(dest, "a/index.html"))
	afterCSV, _ := os.Stat(filepath.Join(dest, "data.csv"))
	if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged page was written again")
	}
	if !os.SameFile(beforeCSV, afterCSV) {
		t.Error("an unchanged streamed file was written again")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "b/index.html")); string(b) != "page B, changed" {
		t.Errorf("changed page = %q", b)
	}
}

// A manifest that no longer tells the truth, because the previous output or
// the manifest itself was changed, never yields a wrong site: the build
// compares the files it cannot vouch for, and unchanged ones keep their time.
func TestManifestThatLiesGivesTheRightSite(t *testing.T) {
	needInodes(t)
	page := func(dest string) string { return filepath.Join(dest, "a/index.html") }
	cases := []struct {
		name  string
		alter func(t *testing.T, dest string)
	}{
		{"page edited, same size", func(t *testing.T, dest string) {
			os.WriteFile(page(dest), []byte("page X"), 0o644)
		}},
		{"page edited in place, its time put back", func(t *testing.T, dest string) {
			fi, _ := os.Stat(page(dest))
			f, _ := os.OpenFile(page(dest), os.O_WRONLY, 0)
			f.WriteAt([]byte("X"), 5)
			f.Close()
			os.Chtimes(page(dest), fi.ModTime(), fi.ModTime())
		}},
		{"page truncated", func(t *testing.T, dest string) { os.Truncate(page(dest), 2) }},
		{"page emptied", func(t *testing.T, dest string) { os.Truncate(page(dest), 0) }},
		{"page replaced, its time put back", func(t *testing.T, dest string) {
			fi, _ := os.Stat(page(dest))
			other := filepath.Join(filepath.Dir(dest), "other")
			os.WriteFile(other, []byte("page Y"), 0o644)
			os.Chtimes(other, fi.ModTime(), fi.ModTime())
			os.Rename(other, page(dest))
		}},
		{"streamed file edited", func(t *testing.T, dest string) {
			os.WriteFile(filepath.Join(dest, "data.csv"), []byte("a,b\n9,9\n"), 0o644)
		}},
		{"manifest cut short", func(t *testing.T, dest string) {
			b, _ := os.ReadFile(manifestName(dest))
			os.WriteFile(manifestName(dest), b[:len(b)/2], 0o644)
			settle(t, dest)
		}},
		{"manifest line edited", func(t *testing.T, dest string) {
			b, _ := os.ReadFile(manifestName(dest))
			os.WriteFile(manifestName(dest), bytes.Replace(b, []byte(" a/index.html"), []byte(" b/index.html"), 1), 0o644)
			settle(t, dest)
		}},
		{"manifest removed", func(t *testing.T, dest string) { os.Remove(manifestName(dest)) }},
		{"manifest of another folder", func(t *testing.T, dest string) {
			other := filepath.Join(t.TempDir(), "public")
			build(t, other, map[string]string{"index.html": "home page", "a/index.html": "page A", "b/index.html": "page Z"}, "a,b\n1,2\n")
			b, _ := os.ReadFile(manifestName(other))
			os.WriteFile(manifestName(dest), b, 0o644)
			os.WriteFile(page(dest), []byte("page Q"), 0o644)
			settle(t, dest)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			build(t, dest, site1, "a,b\n1,2\n")
			settle(t, dest)
			kept, _ := os.Stat(filepath.Join(dest, "index.html"))
			tc.alter(t, dest)
			build(t, dest, site1, "a,b\n1,2\n")
			got := readSite(t, dest)
			for name, want := range site1 {
				if got[name] != want {
					t.Errorf("%s = %q, want %q", name, got[name], want)
				}
			}
			if got["data.csv"] != "a,b\n1,2\n" {
				t.Errorf("data.csv = %q", got["data.csv"])
			}
			if now, _ := os.Stat(filepath.Join(dest, "index.html")); !now.ModTime().Equal(kept.ModTime()) {
				t.Error("an untouched, unchanged page lost its time")
			}
		})
	}
}

// A build killed after its site was committed but before its manifest was
// written leaves the previous manifest beside a newer site; the build after
// it is still right.
func TestStaleManifestGivesTheRightSite(t *testing.T) {
	needInodes(t)
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, site1, "")
	settle(t, dest)
	old, _ := os.ReadFile(manifestName(dest))
	oldInfo, _ := os.Stat(manifestName(dest))
	changed := map[string]string{"index.html": "home page", "a/index.html": "page A", "b/index.html": "page C"}
	build(t, dest, changed, "")
	os.WriteFile(manifestName(dest), old, 0o644)
	os.Chtimes(manifestName(dest), oldInfo.ModTime(), oldInfo.ModTime())
	for _, files := range []map[string]string{site1, changed} {
		build(t, dest, files, "")
		for name, want := range files {
			if b, _ := os.ReadFile(filepath.Join(dest, name)); string(b) != want {
				t.Errorf("%s = %q, want %q", name, b, want)
			}
		}
	}
}

// A file of the manifest's name that inspectsite did not write, or a link
// there, is neither trusted nor replaced.
func TestForeignManifestIsLeftAlone(t *testing.T) {
	for _, kind := range []string{"file", "link"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, "public")
			notes := filepath.Join(dir, "notes.txt")
			os.WriteFile(notes, []byte("my notes"), 0o644)
			if kind == "file" {
				os.WriteFile(manifestName(dest), []byte("my notes"), 0o644)
			} else {
				os.Symlink(notes, manifestName(dest))
			}
			build(t, dest, site1, "")
			build(t, dest, site1, "")
			if b, _ := os.ReadFile(notes); string(b) != "my notes" {
				t.Errorf("a link's target was written: %q", b)
			}
			fi, err := os.Lstat(manifestName(dest))
			if err != nil || (kind == "link") != (fi.Mode()&os.ModeSymlink != 0) {
				t.Fatalf("the %s was replaced", kind)
			}
			if b, _ := os.ReadFile(manifestName(dest)); string(b) != "my notes" {
				t.Errorf("the %s's text is now %q", kind, b)
			}
			if got := readSite(t, dest); got["a/index.html"] != "page A" {
				t.Errorf("site: %v", got)
			}
		})
	}
}

func TestManifestRoundTrip(t *testing.T) {
	files := map[string]fileState{
		"index.html":         {sum: digestOf([]byte("x")), size: 1, inode: 42, mtime: 1700000000123456789},
		"a b/index.html":     {sum: digestOf([]byte("y")), size: 7, inode: 1<<63 + 5, mtime: -3},
		"line\nbreak/x.html": {sum: digestOf([]byte("z")), size: 2, inode: 1, mtime: 1},
	}
	var b bytes.Buffer
	at := time.Unix(1700000000, 987654321)
	if err := encodeManifest(&b, files, at); err != nil {
		t.Fatal(err)
	}
	got, gotAt, err := parseManifest(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !gotAt.Equal(at) {
		t.Errorf("written at %v, read back %v", at, gotAt)
	}
	if len(got) != 2 || got["index.html"] != files["index.html"] || got["a b/index.html"] != files["a b/index.html"] {
		t.Errorf("read back %v", got)
	}
	text := b.String()
	for _, cut := range []int{0, len(manifestHeader), len(text) - 1, len(text) - 10} {
		if _, _, err := parseManifest([]byte(text[:cut])); err == nil {
			t.Errorf("a manifest cut at %d of %d bytes was accepted", cut, len(text))
		}
	}
	if _, _, err := parseManifest([]byte(strings.Replace(text, " 42 ", " 43 ", 1))); err == nil {
		t.Error("an edited manifest was accepted")
	}
}

// Keep keeps a page only when the manifest vouches for the file as it is
// now and records the same recipe: a page edited since, or asked for with
// another recipe, is made again.
func TestKeepNeedsTheSameRecipeAndAnUntouchedFile(t *testing.T) {
	needInodes(t)
	dest := filepath.Join(t.TempDir(), "site")
	r1, r2 := [16]byte{1}, [16]byte{2}
	pages := map[string]string{"a/index.html": "<p>a</p>", "b/index.html": "<p>b</p>", "c/index.html": "<p>c</p>"}
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range pages {
		if w.Keep(name, r1) {
			t.Fatalf("%s kept in a fresh folder", name)
		}
		if err := w.Write(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	settle(t, dest)
	if err := os.WriteFile(filepath.Join(dest, "b", "index.html"), []byte("<p>B</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Keep("a/index.html", r1) {
		t.Error("an untouched page with the same recipe was not kept")
	}
	if w.Keep("b/index.html", r1) {
		t.Error("a page edited since the manifest was kept")
	}
	if w.Keep("c/index.html", r2) {
		t.Error("a page of another recipe was kept")
	}
	if w.Keep("a/index.html", [16]byte{}) || w.Keep("../x", r1) {
		t.Error("a zero recipe or a path outside the site was kept")
	}
	for _, name := range []string{"b/index.html", "c/index.html"} {
		if err := w.Write(name, []byte(pages[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, body := range pages {
		if b, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name))); string(b) != body {
			t.Errorf("%s holds %q, want %q", name, b, body)
		}
	}
	m, _ := readManifest(manifestName(dest))
	if m == nil || m.files["c/index.html"].recipe != r2 || m.files["a/index.html"].recipe != r1 {
		t.Errorf("the manifest does not record each page's recipe: %+v", m)
	}
}

// A first-version manifest (no recipes) is inspectsite's: it is replaced,
// and nothing in it is trusted.
func TestFirstVersionManifestIsReplaced(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "site")
	build(t, dest, map[string]string{"index.html": "x"}, "")
	old := "inspectsite manifest 1: digest, size, inode, modification time (ns) and path of each file in the folder beside it\nend 0 00\n"
	if err := os.WriteFile(manifestName(dest), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if m, ours := readManifest(manifestName(dest)); m != nil || !ours {
		t.Fatalf("first-version manifest: trusted %v, ours %v; want nothing trusted, ours", m != nil, ours)
	}
	build(t, dest, map[string]string{"index.html": "x"}, "")
	if b, _ := os.ReadFile(manifestName(dest)); !bytes.HasPrefix(b, []byte(manifestHeader)) {
		t.Errorf("the first-version manifest was not replaced: %.60q", b)
	}
}
