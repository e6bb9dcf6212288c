package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Explain reads one document with the site's own site.toml and names each
// field's line; a file it cannot read is an error.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	doc := "CPS Atlantis response to HMCPSI report\n\nDate of publication\n5 May 2022\n\nThe Area welcomes the report.\n"
	file := filepath.Join(dir, "content", "a.txt")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := Explain(Options{Source: dir}, file, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content/a.txt", `date = "2022-05-05"`, "line 4: the publication date under its label",
		`kind = "cps-response"`, `"CPS Atlantis" names no known Area`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("explanation lacks %q:\n%s", want, out.String())
		}
	}
	if err := Explain(Options{Source: dir}, filepath.Join(dir, "content", "missing.txt"), &out); err == nil {
		t.Error("no error for a missing file")
	}
}
