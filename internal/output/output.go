// Package output writes a built site to its destination folder atomically:
// files go to a new folder beside the destination, which replaces it only
// once complete. A failed or killed build leaves the previous site intact.
//
// Unchanged files are hard-linked from the previous site rather than written
// again, so they keep their modification time and a re-deploy uploads only
// what changed. The package refuses to replace a non-empty folder it did not
// create (one without its marker file), a link, a file or a mount point,
// before it removes or renames anything.
//
// Beside -dest, a build holds a lock file (.NAME.lock, flock'd for the
// whole build) recording its process id, start time and the folders it
// makes: a temporary .NAME.new-DIGITS holding an owner file, and, where the
// platform cannot exchange two folders in one step, the old site set aside
// as .NAME.old-DIGITS. The next build cleans up after a killed one from
// that record and those marks only: a live build's folder, or a user's
// folder of a similar name, is never removed. It knows nothing of what the
// files hold.
package output

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as inspectsite's output.
const Marker = ".inspectsite"

const markerText = "This folder is written by inspectsite build; it is replaced on every build.\n"

// Writer collects one build's files in a temporary folder.
type Writer struct {
	dest    string
	tmp     string
	tmpInfo fs.FileInfo // the folder as made, to know it is still the same
	own     *owner
	mu      sync.Mutex
	written int
	linked  int
	// fresh: there is no previous site to compare files with.
	fresh bool
}

// Begin prepares a build into dest. dest may be missing, empty, or a folder
// this package wrote before; anything else is refused with ErrRefused,
// before anything is removed or renamed. The build holds the lock file
// beside dest until Commit or Abort; a second build into the same dest
// meanwhile gets ErrBusy.
func Begin(dest string) (*Writer, error) {
	// Absolute, so that "." and ".." have a parent and a name of their own
	// to put the lock and the temporary folder beside.
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, &Error{Path: dest, Err: err}
	}
	dest = abs
	if filepath.Dir(dest) == dest {
		return nil, fmt.Errorf("%w %s: it is the root of the file system", ErrRefused, dest)
	}
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, &Error{Path: parent, Err: err}
	}
	own, prev, err := acquire(dest)
	if err != nil {
		return nil, err
	}
	own.cleanUp(prev)
	if err := checkDest(dest); err != nil { // cleanUp may have put a site back
		own.release()
		return nil, err
	}
	w, err := begin(dest, own)
	if err != nil {
		own.release()
		return nil, err
	}
	return w, nil
}

// begin makes the temporary folder and its owner file. The folder's name
// is recorded in the lock file before the folder is made, so a build
// killed at any moment leaves nothing the next one cannot find.
func begin(dest string, own *owner) (*Writer, error) {
	var tmp string
	for try := 0; ; try++ {
		tmp = filepath.Join(filepath.Dir(dest), tempPrefix(filepath.Base(dest))+strconv.FormatUint(uint64(rand.Uint32()), 10))
		own.rec.temp = filepath.Base(tmp)
		if err := own.save(); err != nil {
			return nil, err
		}
		err := os.Mkdir(tmp, 0o755)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || try == 100 {
			return nil, &Error{Path: filepath.Dir(dest), Err: err}
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ownerFile), []byte(own.rec.String()), 0o644); err != nil {
		os.RemoveAll(tmp)
		return nil, &Error{Path: tmp, Err: err}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, &Error{Path: tmp, Err: err}
	}
	fi, err := os.Lstat(tmp)
	if err != nil {
		return nil, &Error{Path: tmp, Err: err}
	}
	_, err = os.Stat(filepath.Join(dest, Marker))
	return &Writer{dest: dest, tmp: tmp, tmpInfo: fi, own: own, fresh: err != nil}, nil
}

// intact reports whether the temporary folder is still the one Begin made.
func (w *Writer) intact() bool {
	fi, err := os.Lstat(w.tmp)
	return err == nil && os.SameFile(fi, w.tmpInfo)
}

// fail turns an error writing rel into one that names its cause; a
// missing folder is the temporary folder gone.
func (w *Writer) fail(rel string, err error) error {
	if errors.Is(err, fs.ErrNotExist) && !w.intact() {
		return &Error{Path: w.tmp, Err: ErrVanished}
	}
	return &Error{Path: filepath.Join(w.dest, rel), Err: err}
}

// Write stores one file, by slash-separated path inside the site. A path
// that would leave the site ("..", absolute) is an error.
func (w *Writer) Write(name string, data []byte) error {
	rel, err := safeRel(name)
	if err != nil {
		return err
	}
	target := filepath.Join(w.tmp, rel)
	if err := w.mkdir(filepath.Dir(rel)); err != nil {
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
		return w.fail(rel, err)
	}
	w.mu.Lock()
	w.written++
	w.mu.Unlock()
	return nil
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
	f, err := os.Create(target)
	if err != nil {
		return w.fail(rel, err)
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	if w.fresh {
		cw.w = f // nothing to compare with: no need for the hash
	}
	err = fill(cw)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = w.fail(rel, cerr)
	}
	if cw.err != nil {
		return w.fail(rel, cw.err) // the disk, not whatever filled it
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

// Commit marks the new folder and swaps it in for the destination. A
// temporary folder that is no longer the one Begin made is never
// committed.
func (w *Writer) Commit() error {
	defer w.own.release()
	if !w.intact() {
		return &Error{Path: w.tmp, Err: ErrVanished}
	}
	if err := os.WriteFile(filepath.Join(w.tmp, Marker), []byte(markerText), 0o644); err != nil {
		w.discard()
		return w.fail(Marker, err)
	}
	if err := os.Remove(filepath.Join(w.tmp, ownerFile)); err != nil {
		w.discard()
		return w.fail(ownerFile, err)
	}
	if !w.intact() {
		return &Error{Path: w.tmp, Err: ErrVanished}
	}
	if err := w.swap(); err != nil {
		w.discard()
		return err
	}
	return nil
}

// Abort discards the new folder; the destination is untouched.
func (w *Writer) Abort() {
	w.discard()
	w.own.release()
}

// discard removes the temporary folder, if it is still the one Begin made.
func (w *Writer) discard() {
	if w.intact() {
		os.RemoveAll(w.tmp)
	}
}

// swap puts the temporary folder in place of dest. Where the platform can
// exchange two paths in one step it does; otherwise dest is renamed aside
// first, under a name recorded beforehand in the lock file, so that the
// next build can put it back if a crash falls between the two renames.
func (w *Writer) swap() error {
	tmp, dest := w.tmp, w.dest
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dest); err != nil {
			return swapError(dest, err)
		}
		return nil
	}
	if exchange(tmp, dest) == nil {
		os.RemoveAll(tmp) // tmp now holds the old site
		return nil
	}
	aside := filepath.Join(filepath.Dir(dest), asidePrefix(filepath.Base(dest))+strings.TrimPrefix(filepath.Base(tmp), tempPrefix(filepath.Base(dest))))
	w.own.rec.aside = filepath.Base(aside)
	if err := w.own.save(); err != nil {
		return err
	}
	if err := os.Rename(dest, aside); err != nil {
		return swapError(dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(aside, dest)
		return swapError(dest, err)
	}
	os.RemoveAll(aside)
	return nil
}
