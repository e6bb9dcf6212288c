package build

import (
	"os"
	"runtime"
	"runtime/debug"
)

// The collector's settings for a build, which is one batch job: reading
// makes the heap grow from nothing to the whole model, rendering makes much
// short-lived garbage on top of it. A GOMEMLIMIT or GOGC the user set in
// the environment is left alone.

// memoryForReading lets the heap grow while documents are read, collecting
// when it is three times what is live or reaches a limit of 16 KB a
// document (a generous size: the model of a 6 KB document takes about
// 12 KB), rather than each time the young heap doubles. It returns how to
// undo it.
func memoryForReading(files int) (restore func()) {
	if userTuned() {
		return func() {}
	}
	return tune(200, max(renderBudget, int64(files)*16<<10))
}

// boundMemory tunes the collector for rendering, once the model is loaded
// and is most of what stays live. Rendering makes much short-lived garbage:
// the fewer collections the better, within a budget of two and a half
// times the model or renderBudget, whichever is more. The heap may grow to
// three times the model before a collection, or less when the budget says
// so. It returns
// how to restore the settings it found.
func boundMemory() (restore func()) {
	if userTuned() {
		return func() {}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	live := max(int64(m.HeapAlloc), 1<<20)
	budget := max(renderBudget, live*5/2)
	return tune(int(min(max(100*(budget-live)/live, 50), 200)), budget)
}

// tune sets the collector's percentage and soft memory limit, and returns
// how to put back the ones it found.
func tune(percent int, limit int64) (restore func()) {
	oldPct := debug.SetGCPercent(percent)
	oldLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(oldPct)
		debug.SetMemoryLimit(oldLimit)
	}
}

// renderBudget is the least memory a build allows itself (the Go heap;
// the process needs some 40 MB more).
const renderBudget = 340 << 20

func userTuned() bool { return os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" }
