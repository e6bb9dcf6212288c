package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrRefused is returned by Begin for a -dest it must not replace; the
// message says why. ErrNotOurs is the case of a folder inspectsite did
// not create.
var (
	ErrRefused  = errors.New("refusing to replace -dest")
	ErrNotOurs  = errors.New("not an inspectsite output folder")
	ErrVanished = errors.New("the build's temporary folder was removed while the build ran")
)

// Error is a failure to write the site, said by its cause.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string {
	switch {
	case errors.Is(e.Err, syscall.ENOSPC):
		return fmt.Sprintf("%s: the disk is full: free some space or give a -dest on a disk with room; the previous site is unchanged", e.Path)
	case errors.Is(e.Err, syscall.EDQUOT):
		return fmt.Sprintf("%s: your disk quota is used up: free some space; the previous site is unchanged", e.Path)
	case errors.Is(e.Err, ErrVanished):
		return fmt.Sprintf("%s: %v (by another program?); nothing was committed and the previous site is unchanged", e.Path, e.Err)
	case errors.Is(e.Err, fs.ErrPermission):
		return fmt.Sprintf("%s: permission denied: inspectsite needs to write in -dest and the folder holding it", e.Path)
	}
	return fmt.Sprintf("%s: %v", e.Path, unwrapPath(e.Err))
}

func (e *Error) Unwrap() error { return e.Err }

// unwrapPath drops the operation and path os adds, which Error already
// gives, so a message names each thing once.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// checkDest refuses a -dest that a build must not replace. It changes
// nothing, so a refused build leaves every folder as it was.
func checkDest(dest string) error {
	fi, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &Error{Path: dest, Err: err}
	}
	refuse := func(format string, args ...any) error {
		return fmt.Errorf("%w %s: %s", ErrRefused, dest, fmt.Sprintf(format, args...))
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(dest)
		return refuse("it is a symbolic link (to %s); a build replaces -dest by renaming, which would replace the link and not the folder it points to: give that folder itself as -dest", target)
	case !fi.IsDir():
		return refuse("it is a file, not a folder")
	}
	if pi, err := os.Stat(filepath.Dir(dest)); err == nil && !sameDevice(fi, pi) {
		return refuse("it is a mount point; a build replaces -dest by renaming a new folder into its place, which a mount point cannot be: point -dest one level down, at a folder inside it (%s)", filepath.Join(dest, "site"))
	}
	if _, err := os.Lstat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return &Error{Path: dest, Err: err}
	}
	if len(entries) > 0 {
		return fmt.Errorf("%w %s: %w: it holds %d entries and no %s marker, so inspectsite did not create it; choose an empty or new -dest",
			ErrRefused, dest, ErrNotOurs, len(entries), Marker)
	}
	return nil
}

// swapError names the cause of a failed swap: a -dest that is a mount
// point (a bind mount is not seen by checkDest) cannot be renamed.
func swapError(dest string, err error) error {
	if errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) {
		return fmt.Errorf("%w %s: it is a mount point or busy (%v); a build replaces -dest by renaming, so point -dest one level down, at a folder inside it (%s)",
			ErrRefused, dest, unwrapPath(err), filepath.Join(dest, "site"))
	}
	return &Error{Path: dest, Err: err}
}
