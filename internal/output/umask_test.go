//go:build unix

package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Under a umask of 002 (a shared group's), a streamed data file was made
// 0664 and every page 0644: once files of other permissions were written
// again, every build rewrote each data file, bytes unchanged, and a
// re-deploy uploaded it. Streamed files are made as pages are.
func TestStreamedFilesHaveThePagesPermissions(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o002))
	dest := filepath.Join(t.TempDir(), "site")
	build(t, dest, site1, "a,b\n1,2\n")
	page, _ := os.Stat(filepath.Join(dest, "index.html"))
	data, _ := os.Stat(filepath.Join(dest, "data.csv"))
	if page == nil || data == nil || page.Mode().Perm() != data.Mode().Perm() {
		t.Fatalf("a page has mode %v, the streamed data file %v", page.Mode().Perm(), data.Mode().Perm())
	}
	settle(t, dest)
	w := build(t, dest, site1, "a,b\n1,2\n")
	if written, _ := w.Stats(); written != 0 {
		t.Errorf("%d files written again with the same bytes", written)
	}
}
