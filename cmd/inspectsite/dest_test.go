package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/corpus"
)

// bigSite writes n generated documents into a new site folder.
func bigSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	for _, d := range corpus.Generate(cfg, n) {
		os.WriteFile(filepath.Join(dir, "content", d.Name), d.Text, 0o644)
	}
	return dir
}

// Issue 15 case 1: a build paused long enough for its temporary folder to
// look stale is still a live build: a second build into the same -dest is
// refused, and the first, resumed, commits a whole site.
func TestPausedAndAgedBuildIsNotCut(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	big, small := bigSite(t, 1500), newSite(t, nil)
	dest := filepath.Join(t.TempDir(), "public")
	cmd := command("build", "-source", big, "-dest", dest)
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var tmp string
	for deadline := time.Now().Add(30 * time.Second); tmp == "" && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*", "reports"))
		if len(m) > 0 {
			tmp = filepath.Dir(m[0])
		}
	}
	if tmp == "" {
		t.Fatal("the big build never started writing")
	}
	cmd.Process.Signal(syscall.SIGSTOP)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(tmp, old, old)
	code, _, errs := runCmd("build", "-source", small, "-dest", dest)
	cmd.Process.Signal(syscall.SIGCONT)
	if code == 0 || !strings.Contains(errs, "another inspectsite build is writing to this -dest") {
		t.Errorf("a second build during a paused one: exit %d, %s", code, errs)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the resumed build failed: %v", err)
	}
	if !strings.HasPrefix(out.String(), "built 1500 reports") {
		t.Errorf("summary %q", out.String())
	}
	if n := completeSite(t, dest); n != 1500 {
		t.Fatalf("%d reports committed", n)
	}
}

// Issue 15 case 2: a build, refused or not, leaves folders beside -dest that
// inspectsite did not make as they were; -dest is a name, not a pattern.
func TestBuildLeavesUsersFoldersBesideDest(t *testing.T) {
	src := newSite(t, nil)
	x := t.TempDir()
	mine := func(names ...string) {
		for _, n := range names {
			os.MkdirAll(filepath.Join(x, n), 0o755)
			os.WriteFile(filepath.Join(x, n, "notes.txt"), []byte("mine"), 0o644)
			old := time.Now().Add(-time.Hour)
			os.Chtimes(filepath.Join(x, n), old, old)
		}
	}
	mine("mysite", ".mysite.old", ".other.old", ".site.new-backup", ".notes.new-2023")
	for _, tc := range []struct {
		dest string
		code int
	}{{"mysite", 2}, {"other", 0}, {"site", 0}, {"*", 0}} {
		code, _, errs := runCmd("build", "-source", src, "-dest", filepath.Join(x, tc.dest))
		if code != tc.code {
			t.Errorf("-dest %s: exit %d, want %d: %s", tc.dest, code, tc.code, errs)
		}
	}
	for _, n := range []string{"mysite", ".mysite.old", ".other.old", ".site.new-backup", ".notes.new-2023"} {
		if b, _ := os.ReadFile(filepath.Join(x, n, "notes.txt")); string(b) != "mine" {
			t.Errorf("%s was removed or renamed", n)
		}
	}
	if n := completeSite(t, filepath.Join(x, "other")); n != 5 {
		t.Errorf("-dest other: %d reports", n)
	}
}

// Issue 15 case 9: a full disk is said as such, not as a template error.
func TestFullDiskIsSaid(t *testing.T) {
	x := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", x).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v %s", err, out)
	}
	defer exec.Command("umount", x).Run()
	code, _, errs := runCmd("build", "-source", newSite(t, nil), "-dest", filepath.Join(x, "public"))
	if code != 1 || !strings.Contains(errs, "the disk is full") || strings.Contains(errs, "templates") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(x, "public")); err == nil {
		t.Error("a half site was committed")
	}
}

// Issue 15 case 9: a symbolic link as -dest is named as one.
func TestSymlinkDestIsSaid(t *testing.T) {
	x := t.TempDir()
	os.Mkdir(filepath.Join(x, "real"), 0o755)
	os.Symlink(filepath.Join(x, "real"), filepath.Join(x, "site"))
	code, _, errs := runCmd("build", "-source", newSite(t, nil), "-dest", filepath.Join(x, "site"))
	if code != 2 || !strings.Contains(errs, "symbolic link") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}
