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
// when it is three times what is live, rather than each time the young heap
// doubles. Its memory limit is only a backstop, at three times what the
// model takes (about 22 KB a document of the generated corpus, commitments
// included): a limit below what is live makes the collector run without
// pause. It was 16 KB a document, below the model since commitments were
// read: 100,000 documents spent over four CPU minutes reading, where
// 10,000 spend nine seconds. It returns how to undo it.
func memoryForReading(files int) (restore func()) {
	if userTuned() {
		return func() {}
	}
	return tune(200, max(renderBudget, int64(files)*readingBytesPerDocument))
}

// readingBytesPerDocument is memoryForReading's backstop, per document.
const readingBytesPerDocument = 64 << 10

// boundMemory tunes the collector for rendering, once the model is loaded
// and is most of what stays live. Rendering makes much short-lived garbage
// and the views it builds grow the live heap by about three quarters, so
// the collector runs when the heap has grown by renderGCPercent over what
// is live: its work is then in proportion to what rendering allocates,
// whatever the size of the model; a site small enough to render within
// renderBudget gets fewer collections. The memory limit is only a backstop, at
// twice what the runtime holds once the model is loaded (its fragmentation
// included), or renderBudget. A limit close to what is held makes the
// collector run back to back: set from the live heap alone, as it was, it
// did at 10,000 documents, where the heap's free slots count against it
// (376 MB held for 200 MB live, 60 collections, half the build's CPU).
// It returns how to restore the settings it found.
func boundMemory() (restore func()) {
	if userTuned() {
		return func() {}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	held := int64(m.Sys - m.HeapReleased)
	live := max(int64(m.HeapAlloc), 1<<20)
	// A small site may use renderBudget: fewer collections, up to 200 %,
	// reckoning that rendering doubles the live heap (1.75 times at
	// 10,000 documents) on top of what is held.
	percent := min(max(100*(renderBudget-held-live)/(2*live), renderGCPercent), 200)
	return tune(int(percent), max(renderBudget, 2*held))
}

// renderGCPercent is the collector's percentage while rendering (see
// boundMemory). 10,000 documents, fresh, one run each on a loaded machine:
// the old live-heap limit 80 CPU seconds and 368 MB; 50 %, 41 s and 431 MB;
// 35 %, 40 s and 377 MB.
const renderGCPercent = 35

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
