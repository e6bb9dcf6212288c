package serve

import (
	"testing"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/sitetest"
)

// An incremental rebuild, after any run of edits, writes the same bytes
// as a fresh build: documents edited, added and removed, site.toml
// changed, templates overridden with ones showing all their data.
func TestIncrementalRebuildEqualsFreshBuild(t *testing.T) {
	edits := 220
	if testing.Short() {
		edits = 10
	}
	site := sitetest.New(t, 12)
	opts := build.Options{Source: site.Dir}
	sess := build.NewSession(opts)
	if res := sess.Rebuild(nil, true); res.Errors > 0 {
		t.Fatal(res.Diags)
	}
	for i := 0; i < edits; i++ {
		changed := site.Edit(i)
		res := sess.Rebuild([]string{changed}, false)
		fresh := build.NewSession(opts)
		fres := fresh.Rebuild(nil, true)
		if res.Errors != fres.Errors {
			t.Fatalf("edit %d (%s): %d errors incrementally, %d fresh: %v", i, changed, res.Errors, fres.Errors, fres.Diags)
		}
		if res.Errors > 0 {
			continue
		}
		if diff := sitetest.CompareFiles(sess.Files(), fresh.Files()); diff != "" {
			t.Fatalf("edit %d (%s): incremental rebuild differs from a fresh build: %s", i, changed, diff)
		}
	}
}
