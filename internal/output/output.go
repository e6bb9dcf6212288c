// Package output writes a built site to its destination folder atomically:
// files go to a new folder beside the destination, which replaces it only
// once complete. A failed or killed build leaves the previous site intact.
//
// Unchanged files are hard-linked from the previous site rather than written
// again, so they keep their modification time and a re-deploy uploads only
// what changed. The package refuses to replace a non-empty folder it did not
// create (one without its marker file). It knows nothing of what the files
// hold.
package output

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Marker is the file that marks a folder as inspectsite's output.
const Marker = ".inspectsite"

const markerText = "This folder is written by inspectsite build; it is replaced on every build.\n"

// ErrNotOurs is returned by Begin for a destination it must not replace.
var ErrNotOurs = errors.New("not an inspectsite output folder")

// Writer collects one build's files in a temporary folder.
type Writer struct {
	dest    string
	tmp     string
	mu      sync.Mutex
	written int
	linked  int
	// fresh: there is no previous site to compare files with.
	fresh bool
}

// Begin prepares a build into dest. dest may be missing, empty, or a folder
// this package wrote before; anything else is refused with ErrNotOurs.
func Begin(dest string) (*Writer, error) {
	dest = filepath.Clean(dest)
	recoverInterrupted(dest)
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(dest)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	_, err = os.Stat(filepath.Join(dest, Marker))
	return &Writer{dest: dest, tmp: tmp, fresh: err != nil}, nil
}

func checkDest(dest string) error {
	fi, err := os.Lstat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: %w: it is a file, not a folder", dest, ErrNotOurs)
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s: %w: it holds %d entries and no %s marker, so inspectsite did not create it; choose an empty or new -dest", dest, ErrNotOurs, len(entries), Marker)
	}
	return nil
}

// Write stores one file, by slash-separated path inside the site. A path
// that would leave the site ("..", absolute) is an error.
func (w *Writer) Write(name string, data []byte) error {
	rel, err := safeRel(name)
	if err != nil {
		return err
	}
	target := filepath.Join(w.tmp, rel)
	dir := filepath.Dir(target)
	if err := w.mkdir(dir); err != nil {
		return err
	}
	old := filepath.Join(w.dest, rel)
	if !w.fresh && sameContent(old, data) && os.Link(old, target) == nil {
		w.mu.Lock()
		w.linked++
		w.mu.Unlock()
		return nil
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		return err
	}
	w.mu.Lock()
	w.written++
	w.mu.Unlock()
	return nil
}

// mkdir makes dir if it is missing. Most pages sit in a folder of their
// own whose parent exists already, so a single Mkdir usually does it; no
// record of folders is kept (a large site has hundreds of thousands).
func (w *Writer) mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}

// WriteStream writes one large file through fill, hashing it as it goes,
// so it is never held in memory. If the previous site had the same bytes,
// the new file is replaced by a link to the old one, as Write does.
func (w *Writer) WriteStream(name string, fill func(io.Writer) error) error {
	rel, err := safeRel(name)
	if err != nil {
		return err
	}
	target := filepath.Join(w.tmp, rel)
	if err := w.mkdir(filepath.Dir(target)); err != nil {
		return err
	}
	f, err := os.Create(target)
	if err != nil {
		return err
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	if w.fresh {
		cw.w = f // nothing to compare with: no need for the hash
	}
	err = fill(cw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	old := filepath.Join(w.dest, rel)
	if fi, err := os.Lstat(old); !w.fresh && err == nil && fi.Mode().IsRegular() && fi.Size() == cw.n && bytes.Equal(hashFile(old), h.Sum(nil)) {
		if os.Remove(target) == nil && os.Link(old, target) == nil {
			w.mu.Lock()
			w.linked++
			w.mu.Unlock()
			return nil
		}
	}
	w.mu.Lock()
	w.written++
	w.mu.Unlock()
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func hashFile(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
}

// Stats reports how many files were written new and how many were kept.
func (w *Writer) Stats() (written, unchanged int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written, w.linked
}

func safeRel(name string) (string, error) {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.ContainsRune(name, 0) {
		return "", fmt.Errorf("output path %q is not a relative site path", name)
	}
	clean := filepath.Clean(filepath.FromSlash(name))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || filepath.IsAbs(clean) {
		return "", fmt.Errorf("output path %q leaves the site folder", name)
	}
	return clean, nil
}

func sameContent(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// Commit marks the new folder and swaps it in for the destination.
func (w *Writer) Commit() error {
	if err := os.WriteFile(filepath.Join(w.tmp, Marker), []byte(markerText), 0o644); err != nil {
		w.Abort()
		return err
	}
	if err := swap(w.tmp, w.dest); err != nil {
		w.Abort()
		return err
	}
	return nil
}

// Abort discards the new folder; the destination is untouched.
func (w *Writer) Abort() { os.RemoveAll(w.tmp) }

// swap puts tmp in place of dest. Where the platform can exchange two paths
// in one step it does; otherwise dest is renamed aside first, and
// recoverInterrupted puts it back if a crash falls between the two renames.
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, dest)
	}
	if exchange(tmp, dest) == nil {
		return os.RemoveAll(tmp) // tmp now holds the old site
	}
	aside := asideName(dest)
	if err := os.Rename(dest, aside); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(aside, dest)
		return err
	}
	return os.RemoveAll(aside)
}

func asideName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".old")
}

// recoverInterrupted restores the previous site if a build was killed
// between moving it aside and moving the new one in.
func recoverInterrupted(dest string) {
	aside := asideName(dest)
	if _, err := os.Lstat(aside); err != nil {
		return
	}
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		os.Rename(aside, dest)
		return
	}
	os.RemoveAll(aside)
}

// removeStale deletes temporary folders left by killed builds. A folder
// younger than a minute may belong to a build still running, so it stays.
func removeStale(dest string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".new-*"))
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && fi.IsDir() && time.Since(fi.ModTime()) > time.Minute {
			os.RemoveAll(m)
		}
	}
}
