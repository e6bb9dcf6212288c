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
)

// Write stores one file, by slash-separated path inside the site. A path
// that would leave the site ("..", absolute) is an error. A file with the
// bytes it had in the previous site is a link to that one, so it keeps its
// modification time.
func (w *Writer) Write(name string, data []byte) error {
	rel, err := safeRel(name)
	if err != nil {
		return err
	}
	target := filepath.Join(w.tmp, rel)
	if err := w.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	sum := digestOf(data)
	same := func(old string) bool { return sameContent(old, data) }
	if old, fi, ok := w.unchanged(rel, sum, int64(len(data)), same); ok && os.Link(old, target) == nil {
		w.note(rel, stateOf(sum, fi), true)
		return nil
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return w.fail(rel, err)
	}
	_, err = f.Write(data)
	fi, serr := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return w.fail(rel, err)
	}
	if serr == nil {
		w.note(rel, stateOf(sum, fi), false)
	}
	return nil
}

// unchanged reports whether the previous site's file at rel has the bytes
// whose digest is sum, and returns that file and its state. It asks the
// previous manifest first; where the manifest cannot vouch for the file as
// it is now, same compares its bytes.
func (w *Writer) unchanged(rel string, sum digest, size int64, same func(old string) bool) (string, fs.FileInfo, bool) {
	old, fi, ok := w.previous(rel)
	if !ok || fi.Size() != size {
		return "", nil, false
	}
	if s, ok := w.prev.trusted(rel, fi); ok {
		return old, fi, s.sum == sum
	}
	w.mu.Lock()
	w.compared++
	w.mu.Unlock()
	return old, fi, same(old)
}

// previous returns the previous site's file at rel, when there is one that
// may stand in the new site: a regular file with the permissions this build
// gives its files.
func (w *Writer) previous(rel string) (string, fs.FileInfo, bool) {
	if w.fresh {
		return "", nil, false
	}
	old := filepath.Join(w.dest, rel)
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != w.perm {
		return "", nil, false
	}
	return old, fi, true
}

// Keep keeps the previous site's file at name, as it is, when the manifest
// vouches for it and says it was made from recipe (see render.Recipe): the
// caller need not make it again. Otherwise it remembers recipe for the file
// the caller writes there next, and returns false. A zero recipe is never
// kept.
func (w *Writer) Keep(name string, recipe [16]byte) bool {
	rel, err := safeRel(name)
	if err != nil || recipe == ([16]byte{}) {
		return false
	}
	if old, fi, ok := w.previous(rel); ok {
		if s, ok := w.prev.trusted(rel, fi); ok && s.recipe == recipe &&
			w.mkdir(filepath.Dir(rel)) == nil && os.Link(old, filepath.Join(w.tmp, rel)) == nil {
			w.note(rel, s, true)
			return true
		}
	}
	w.mu.Lock()
	w.recipes[rel] = recipe
	w.mu.Unlock()
	return false
}

// note records one file of the new site for its manifest.
func (w *Writer) note(rel string, s fileState, kept bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if r, ok := w.recipes[rel]; ok {
		s.recipe = r
		delete(w.recipes, rel)
	}
	w.files[rel] = s
	if kept {
		w.linked++
	} else {
		w.written++
	}
}

// mkdir makes the folder rel inside the temporary folder if it is
// missing. Most pages sit in a folder of their own whose parent exists
// already, so a single Mkdir usually does it; no record of folders is kept
// (a large site has hundreds of thousands). It never makes the temporary
// folder itself: one that vanished is an error, not a folder to recreate.
func (w *Writer) mkdir(rel string) error {
	if rel == "." {
		return nil
	}
	dir := filepath.Join(w.tmp, rel)
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(filepath.Dir(rel)); err != nil {
			return err
		}
		err = os.Mkdir(dir, 0o755)
	}
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return w.fail(rel, err)
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
	if err := w.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644) // as Write makes its files
	if err != nil {
		return w.fail(rel, err)
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	err = fill(cw)
	fi, serr := f.Stat()
	if cerr := f.Close(); err == nil && cerr != nil {
		err = w.fail(rel, cerr)
	}
	if cw.err != nil {
		return w.fail(rel, cw.err) // the disk, not whatever filled it
	}
	if err != nil {
		return err
	}
	whole := h.Sum(nil)
	sum := digest(whole[:digestSize])
	same := func(old string) bool { return bytes.Equal(hashFile(old), whole) }
	if old, ofi, ok := w.unchanged(rel, sum, cw.n, same); ok && replaceByLink(old, target) {
		w.note(rel, stateOf(sum, ofi), true)
		return nil
	}
	if serr == nil {
		w.note(rel, stateOf(sum, fi), false)
	}
	return nil
}

// replaceByLink puts a link to old in place of target in one rename, so
// target is never missing: if any step fails, the written file stays.
func replaceByLink(old, target string) bool {
	tmp := target + ".link"
	if os.Link(old, tmp) != nil { // fails on an existing file, which stays

		return false
	}
	if os.Rename(tmp, target) != nil {
		os.Remove(tmp)
		return false
	}
	return true
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error // the first write error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
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

// Compared is how many files of the previous site were read back to
// compare with the new bytes, because the manifest could not vouch for them.
func (w *Writer) Compared() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.compared
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

// sameContent reports whether the file at path holds data.
func sameContent(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}
