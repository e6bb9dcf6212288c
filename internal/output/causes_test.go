package output

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mountTmpfs mounts a tmpfs of the given size at dir, for as long as the
// test runs; the test is skipped where mounting is not allowed.
func mountTmpfs(t *testing.T, dir, size string) {
	t.Helper()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
}

// Issue 15 case 9: a refusal or failure names its real cause.
func TestSymlinkDestNamed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	link := filepath.Join(dir, "site")
	os.Symlink(real, link)
	_, err := Begin(link)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "symbolic link") || strings.Contains(err.Error(), "a file") {
		t.Fatalf("symlinked -dest: %v", err)
	}
}

func TestMountPointDestNamed(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "site")
	os.Mkdir(dest, 0o755)
	mountTmpfs(t, dest, "1m")
	_, err := Begin(dest)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "mount point") || !strings.Contains(err.Error(), "one level down") {
		t.Fatalf("mount-point -dest: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused build left %d entries beside -dest", len(entries)-1)
	}
	// One level down builds.
	write(t, filepath.Join(dest, "site"), map[string]string{"index.html": "x"})
}

func TestDiskFullNamed(t *testing.T) {
	dir := t.TempDir()
	mountTmpfs(t, dir, "256k")
	dest := filepath.Join(dir, "public")
	write(t, dest, map[string]string{"index.html": "old"})
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("x"), 64<<10)
	for i := 0; err == nil && i < 10; i++ {
		err = w.Write("page"+string(rune('a'+i))+".html", big)
	}
	if err == nil {
		err = w.WriteStream("data/big.csv", func(out io.Writer) error {
			_, err := out.Write(big)
			return err
		})
	}
	w.Abort()
	if err == nil || !strings.Contains(err.Error(), "disk is full") {
		t.Fatalf("writing to a full disk: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
		t.Fatalf("index.html = %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if isTempName("public", e.Name()) {
			t.Errorf("%s left behind", e.Name())
		}
	}
}
