package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15 case 5: a file name holding a newline, an escape sequence or a
// carriage return prints as one escaped diagnostic line.
func TestFileNamesCannotForgeLines(t *testing.T) {
	names := []string{
		"content/x\ncontent/fake.txt:1: error: forged.txt",
		"content/\x1b[31mred\x1b[0m.txt",
		"content/a\rb.txt",
	}
	extra := map[string]string{}
	for _, n := range names {
		extra[n] = "" // an empty document: one diagnostic naming the file
	}
	dir := newSite(t, extra)
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Skipf("the file system refuses the name %q: %v", n, err)
		}
	}
	_, _, errs := runCmd("build", "-source", dir)
	if strings.ContainsAny(errs, "\x1b\r") {
		t.Errorf("raw control characters reach the terminal: %q", errs)
	}
	for _, line := range strings.Split(errs, "\n") {
		if strings.HasPrefix(line, "content/fake.txt") {
			t.Errorf("a forged line: %q", line)
		}
	}
	for _, want := range []string{`content/x\ncontent/fake.txt:1: error: forged.txt: error: document is empty`, `content/\x1b[31mred\x1b[0m.txt: error:`, `content/a\rb.txt: error:`} {
		if !strings.Contains(errs, want) {
			t.Errorf("no line %s in\n%s", want, errs)
		}
	}
}
