package build

import (
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
)

// The collector's settings for a build, which is one batch job: reading
// makes the heap grow from nothing to the whole model, rendering makes much
// short-lived garbage on top of it. A GOMEMLIMIT or GOGC the user set in
// the environment is left alone.

// memoryForReading lets the heap grow while documents are read, collecting
// only at a limit proportional to their size (the model ends up about 1.6
// times the text), rather than each time the young heap doubles, and
// returns how to undo it.
func memoryForReading(src fs.FS, files []string) (restore func()) {
	if userTuned() {
		return func() {}
	}
	var total int64
	for _, f := range files {
		if fi, err := fs.Stat(src, f); err == nil {
			total += fi.Size()
		}
	}
	old := debug.SetGCPercent(-1)
	debug.SetMemoryLimit(max(256<<20, 3*total))
	return func() { debug.SetGCPercent(old) }
}

// boundMemory sets a soft memory limit proportional to what the build
// holds once the site is loaded: without one the heap grows to twice its
// peak before collecting.
func boundMemory() {
	if userTuned() {
		return
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	debug.SetMemoryLimit(max(256<<20, int64(m.HeapAlloc)*3))
}

func userTuned() bool { return os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" }
