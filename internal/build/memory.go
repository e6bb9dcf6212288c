package build

import (
	"os"
	"runtime"
	"runtime/debug"
)

// boundMemory sets a soft memory limit proportional to what the build
// holds once the site is loaded: rendering makes much short-lived garbage,
// and without a limit the heap grows to twice its peak before collecting.
// A limit the user set through GOMEMLIMIT is left alone.
func boundMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	limit := int64(m.HeapAlloc) * 3
	if limit < 256<<20 {
		limit = 256 << 20
	}
	debug.SetMemoryLimit(limit)
}
