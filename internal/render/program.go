package render

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"runtime"
	"sync"
)

// programHash is a digest of the running program's executable, part of
// every recipe: a build by another version of inspectsite renders every
// page again, since it may mark the same data up differently. On Linux it
// reads /proc/self/exe, the very file the process runs even if a new build
// has replaced it on disk since. It is 0 when the program cannot be read;
// then no page is ever kept (see keepable).
var programHash = sync.OnceValue(func() uint64 {
	name := "/proc/self/exe"
	if runtime.GOOS != "linux" {
		exe, err := os.Executable()
		if err != nil {
			return 0
		}
		name = exe
	}
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return 0
	}
	return binary.LittleEndian.Uint64(h.Sum(nil)) | 1 // never 0 once read
})
