package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite/internal/diag"
)

const wessexDoc = `CPS Wessex: response to the HMCPSI inspection report

1. Letters to victims are late.

CPS response: We will send them on time.
`

// A build does not keep the documents' texts: source pages read them again,
// and a document changed since it was read is an error, not a wrong page.
func TestSourcePagesReadTheTextAgain(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "wessex.txt"), []byte(wessexDoc), 0o644)
	res, err := Build(Options{Source: dir})
	if err != nil {
		t.Fatal(err, res.Diags)
	}
	r := res.Site.Reports[0]
	if r.Text != "" {
		t.Error("the built model still holds the document's text")
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", strings.TrimPrefix(r.URL, "/"), "source", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<li id="L3">1. Letters to victims are late.</li>`) {
		t.Errorf("source page lacks line 3:\n%s", page)
	}

	text := sourceText(fstest.MapFS{"content/wessex.txt": {Data: []byte(wessexDoc + "Edited.\n")}})
	_, err = text(r, nil)
	d, ok := err.(diag.Diagnostic)
	if !ok || d.Path != "content/wessex.txt" || !strings.Contains(d.Message, "changed while") {
		t.Errorf("changed document: got %v, want a diagnostic naming the file", err)
	}
}
