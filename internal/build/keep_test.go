package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inspectsite/inspectsite/internal/sitetest"
)

// A build into the previous site keeps the pages whose recipe did not
// change without rendering them (see render.Recipe). After any run of
// edits it leaves the same files as a fresh build: documents edited, added
// and removed, site.toml changed, templates overridden with ones showing
// all their data. And it does keep pages: an edit to one document leaves
// most pages as they were, with their modification times.
func TestBuildIntoThePreviousSiteEqualsAFreshBuild(t *testing.T) {
	edits := 60
	if testing.Short() {
		edits = 6
	}
	site := sitetest.New(t, 7)
	dest := filepath.Join(t.TempDir(), "site")
	opts := Options{Source: site.Dir, Dest: dest}
	if res, err := Build(opts); err != nil {
		t.Fatal(err, res.Diags)
	}
	keptOnce := false
	for i := 0; i < edits; i++ {
		changed := site.Edit(i)
		before := modTimes(t, dest)
		res, err := Build(opts)
		freshDest := filepath.Join(t.TempDir(), "fresh")
		fres, ferr := Build(Options{Source: site.Dir, Dest: freshDest})
		if (err == nil) != (ferr == nil) {
			t.Fatalf("edit %d (%s): into the previous site %v, fresh %v", i, changed, err, ferr)
		}
		if err != nil {
			continue
		}
		if diff := sitetest.CompareFiles(sitetest.ReadTree(t, dest), sitetest.ReadTree(t, freshDest)); diff != "" {
			t.Fatalf("edit %d (%s): the build into the previous site differs from a fresh build: %s", i, changed, diff)
		}
		if fres.Written != fres.Files {
			t.Errorf("edit %d: a fresh build wrote %d of %d files", i, fres.Written, fres.Files)
		}
		if strings.HasPrefix(changed, "content/") && res.Written < res.Files/2 {
			keptOnce = true
			after := modTimes(t, dest)
			same := 0
			for p, m := range after {
				if before[p].Equal(m) {
					same++
				}
			}
			if same < res.Files-res.Written {
				t.Errorf("edit %d: %d files kept, but only %d kept their modification time", i, res.Files-res.Written, same)
			}
		}
	}
	if !keptOnce {
		t.Error("no build into the previous site kept most of its pages")
	}
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				out[p] = fi.ModTime()
			}
		}
		return nil
	})
	return out
}

// Builds into the previous site one after another, with nothing edited,
// keep every page by its recipe and read no file back: each build's
// manifest must vouch for every file it leaves, including those whose
// inodes changed last, as the old site's copies were unlinked.
func TestRepeatedBuildsVouchForEveryFile(t *testing.T) {
	site := sitetest.New(t, 3)
	opts := Options{Source: site.Dir, Dest: filepath.Join(t.TempDir(), "site")}
	for i := 0; i < 3; i++ {
		res, err := Build(opts)
		if err != nil {
			t.Fatal(err, res.Diags)
		}
		if i > 0 && (res.Compared != 0 || res.Written != 0) {
			t.Errorf("build %d: %d of %d files read back, %d written; the manifest should have vouched for all and the build kept them",
				i+1, res.Compared, res.Files, res.Written)
		}
	}
}
