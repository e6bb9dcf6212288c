//go:build !unix

package output

import (
	"errors"
	"io/fs"
	"os"
)

var errLocked = errors.New("locked")

// lockFile: these platforms have no flock; the owner record in the lock
// file and the ownership marks still keep foreign folders safe.
func lockFile(f *os.File) error { return nil }

func unlockFile(f *os.File) {}

func sameDevice(a, b fs.FileInfo) bool { return true }
