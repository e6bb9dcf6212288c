//go:build unix

package report

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, user and system, all
// threads (the garbage collector's too). On a shared machine a benchmark's
// wall time grows with the load of others; its CPU time much less.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
