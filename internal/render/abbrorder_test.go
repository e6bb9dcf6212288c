package render_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/report"
)

// A theme page gathering issues from a report dated before HMCPSI's
// expansion changed (2022-09-08) and one dated after lists both
// expansions under the same abbreviation. Sorted by abbreviation alone,
// their order came from a map's: two builds of the same documents gave
// the page in either order, so a build into the previous site differed
// from a fresh one, and a re-deploy uploaded a page nothing had changed.
func TestAbbreviationsWithTwoExpansionsInAFixedOrder(t *testing.T) {
	src := os.DirFS("../..")
	cfg, ds := build.LoadConfig(src, "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	old, err := os.ReadFile("../../content/000_d4d0eb5e2a460308.txt")
	if err != nil {
		t.Fatal(err)
	}
	old = bytes.Replace(old, []byte("4. The Area should make sure that cases"), []byte("4. The Area should make sure, as HMCPSI found, that cases"), 1)
	if !bytes.Contains(old, []byte("as HMCPSI found")) {
		t.Fatal("the seed document changed: no issue 4 to mention HMCPSI in")
	}
	newer := strings.NewReplacer("05/04/2018", "05/04/2023", "[5 April 2018]", "[5 April 2023]", "Mersey Cheshire", "Wessex", "Mersey", "Wessex").Replace(string(old))
	fsys := fstest.MapFS{
		"content/old.txt":   {Data: old},
		"content/newer.txt": {Data: []byte(newer)},
	}
	var list diag.List
	parsed := build.ParseAll(fsys, []string{"content/newer.txt", "content/old.txt"}, report.NewParser(cfg), cfg.MaxDocumentBytes)
	s := build.Model(cfg, parsed, &list)
	var first []byte
	for i := 0; i < 20; i++ {
		files := renderAll(t, s, nil)
		var page []byte
		for name, b := range files {
			if strings.HasPrefix(name, "themes/") && bytes.Count(b, []byte("<dt><abbr>HMCPSI</abbr></dt>")) == 2 {
				page = b
				if first == nil {
					t.Logf("%s lists both expansions of HMCPSI", name)
				}
			}
		}
		if page == nil {
			t.Fatal("no theme page lists both expansions of HMCPSI")
		}
		if first == nil {
			first = page
		} else if !bytes.Equal(first, page) {
			t.Fatal("the same documents rendered the page listing both expansions of HMCPSI in two orders")
		}
	}
}
