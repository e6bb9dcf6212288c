// Package diag holds the diagnostics every stage reports: a path, a line and
// a message, printed as `path:line: severity: message`.
//
// It must not decide what is fatal; callers (build, check) do that from the
// severities collected here.
package diag

import (
	"fmt"
	"sort"
	"sync"
)

// Severity says how bad a diagnostic is.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one message about one place in one file.
// Line is 0 when the problem concerns the whole file.
type Diagnostic struct {
	Path     string
	Line     int
	Severity Severity
	Message  string
}

// String is the diagnostic as one line of text. Control characters in the
// path or message (a file named with a newline or an escape sequence) are
// escaped, so a diagnostic can neither forge another nor drive the terminal.
func (d Diagnostic) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", Printable(d.Path), d.Line, d.Severity, Printable(d.Message))
	}
	return fmt.Sprintf("%s: %s: %s", Printable(d.Path), d.Severity, Printable(d.Message))
}

// Error lets a single diagnostic travel as an error value.
func (d Diagnostic) Error() string { return d.String() }

// Errorf and Warnf build diagnostics.
func Errorf(path string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{path, line, Error, fmt.Sprintf(format, args...)}
}

func Warnf(path string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{path, line, Warning, fmt.Sprintf(format, args...)}
}

// List collects diagnostics from concurrent stages.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

func (l *List) Add(ds ...Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, ds...)
	l.mu.Unlock()
}

// Sorted returns the diagnostics ordered by path, line and message, so that
// output does not depend on goroutine scheduling.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return out
}

// Count returns how many errors and warnings were collected.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}
