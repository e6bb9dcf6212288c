package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/inspectsite/inspectsite/internal/sitetest"
)

// A source page's recipe stands for its lines by the digest of the
// document's bytes (render.SourcePage.Digest), so an edit that only the
// source view shows (spaces at the end of a line, which no field keeps)
// must still make the build into the previous site render the source page
// again, and leave the report page as it was.
func TestSourcePageFollowsItsDocumentsBytes(t *testing.T) {
	site := sitetest.New(t, 1)
	dest := filepath.Join(t.TempDir(), "site")
	opts := Options{Source: site.Dir, Dest: dest}
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err, res.Diags)
	}
	doc := filepath.Join(site.Dir, "content", "hmcpsi-aip-cymru-wales-tranche1.txt")
	text, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	before := sitetest.ReadTree(t, dest)
	edited := bytes.Replace(text, []byte("\n"), []byte("   \n"), 1)
	if err := os.WriteFile(doc, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err = Build(opts); err != nil {
		t.Fatal(err, res.Diags)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	if res, err := Build(Options{Source: site.Dir, Dest: fresh}); err != nil {
		t.Fatal(err, res.Diags)
	}
	after := sitetest.ReadTree(t, dest)
	if diff := sitetest.CompareFiles(after, sitetest.ReadTree(t, fresh)); diff != "" {
		t.Fatalf("the build into the previous site differs from a fresh build: %s", diff)
	}
	changed := 0
	for p, b := range after {
		if !bytes.Equal(b, before[p]) {
			changed++
			if filepath.Base(filepath.Dir(p)) != "source" {
				t.Errorf("%s changed: the edit was to be one only the source view shows", p)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d files changed; want the document's source page alone", changed)
	}
}
