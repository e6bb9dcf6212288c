// Package output writes a built site to its destination folder atomically:
// files go to a new folder beside the destination, which replaces it only
// once complete. A failed or killed build leaves the previous site intact.
//
// Unchanged files are hard-linked from the previous site rather than written
// again, so they keep their modification time and a re-deploy uploads only
// what changed. The manifest beside the site (.NAME.manifest, see
// manifest.go) says which they are without reading the previous site back;
// where it cannot vouch for a file, its bytes are compared. It also records
// the recipe each page was rendered from (see render.Recipe), so that a
// page whose recipe did not change is kept without being rendered at all
// (Writer.Keep).
//
// The package refuses to replace a non-empty folder it did not create (one
// without its marker file), a link, a file or a mount point, before it
// removes or renames anything.
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
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Marker is the file that marks a folder as inspectsite's output.
const Marker = ".inspectsite"

const markerText = "This folder is written by inspectsite build; it is replaced on every build.\n"

// Writer collects one build's files in a temporary folder.
type Writer struct {
	dest     string
	tmp      string
	tmpInfo  fs.FileInfo // the folder as made, to know it is still the same
	own      *owner
	mu       sync.Mutex
	written  int
	linked   int
	compared int // read back from the previous site
	// fresh: there is no previous site to compare files with.
	fresh bool
	// prev is the previous build's manifest (nil: none to trust); files
	// is this build's, written beside dest once the site is in place.
	prev    *manifest
	files   map[string]fileState
	recipes map[string][16]byte // of files about to be written (see Keep)
	// perm is the permissions of the files this build makes: a previous
	// file of others (chmodded since) is never linked into the new site.
	perm         fs.FileMode
	manifestOurs bool // the manifest's name is free or inspectsite's
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
	// The owner file is made as every new file is: its permissions are
	// those of a fresh build's files, under this process's umask.
	ofi, err := os.Lstat(filepath.Join(tmp, ownerFile))
	if err != nil {
		os.RemoveAll(tmp)
		return nil, &Error{Path: tmp, Err: err}
	}
	_, err = os.Stat(filepath.Join(dest, Marker))
	w := &Writer{dest: dest, tmp: tmp, tmpInfo: fi, own: own, fresh: err != nil, files: map[string]fileState{}, recipes: map[string][16]byte{},
		perm: ofi.Mode().Perm()}
	prev, ours := readManifest(manifestName(dest))
	w.manifestOurs = ours
	if !w.fresh {
		w.prev = prev
	}
	return w, nil
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
	old, err := w.swap()
	if err != nil {
		w.discard()
		return err
	}
	if old != "" {
		removeSite(old)
	}
	if w.manifestOurs {
		// The next build vouches only for files whose inodes last changed
		// more than clockMargin before the time the manifest records. The
		// old site's unlinks just now changed every kept file's, and the
		// last pages were written moments ago: waiting the margin out
		// first keeps the next build from rendering those pages again (on
		// a small site, every page; at 10,000 documents, some 700).
		time.Sleep(clockMargin + time.Millisecond)
		writeManifest(manifestName(w.dest), w.files)
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
		removeSite(w.tmp)
	}
}

// swap puts the temporary folder in place of dest. Where the platform can
// exchange two paths in one step it does; otherwise dest is renamed aside
// first, under a name recorded beforehand in the lock file, so that the
// next build can put it back if a crash falls between the two renames.
// It returns the folder now holding the old site, for the caller to
// remove ("" if there was none); a build killed before it is removed
// leaves it for the next build's clean-up, named in the lock file.
func (w *Writer) swap() (old string, err error) {
	tmp, dest := w.tmp, w.dest
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dest); err != nil {
			return "", swapError(dest, err)
		}
		return "", nil
	}
	if exchange(tmp, dest) == nil {
		return tmp, nil // tmp now holds the old site
	}
	aside := filepath.Join(filepath.Dir(dest), asidePrefix(filepath.Base(dest))+strings.TrimPrefix(filepath.Base(tmp), tempPrefix(filepath.Base(dest))))
	w.own.rec.aside = filepath.Base(aside)
	if err := w.own.save(); err != nil {
		return "", err
	}
	if err := os.Rename(dest, aside); err != nil {
		return "", swapError(dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(aside, dest)
		return "", swapError(dest, err)
	}
	return aside, nil
}

// removeSite removes a folder of inspectsite's, its marks last, so that a
// build killed while removing it leaves a folder the next build still
// knows as its own to remove.
func removeSite(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != Marker && e.Name() != ownerFile {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	os.RemoveAll(dir)
}
