package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/report"
)

// Issue 15 case 6: characters the reader leaves out of a report (control
// and invisible formatting characters) are shown, marked, in its source
// view, and reach no page, feed or data file as they are.
func TestHiddenCharactersAreMarkedInTheSource(t *testing.T) {
	src := fstest.MapFS{"content/x.txt": {Data: []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wes\u202Esex\n01/02/2020\n\n" +
		"Issues to address\n\n1. Letters\x01 to\u200B victims are late\x7f.\nCPS response: We agree.\n")}}
	cfg, ds := build.LoadConfig(fstest.MapFS{}, "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var list diag.List
	s := build.Model(cfg, build.ParseAll(src, []string{"content/x.txt"}, report.NewParser(cfg), cfg.MaxDocumentBytes), &list)
	files := renderAll(t, s, nil)
	r := s.Reports[0]
	page := string(files[strings.TrimPrefix(r.URL, "/")+"source/index.html"])
	for _, code := range []string{"U+202E", "U+0001", "U+200B", "U+007F"} {
		if !strings.Contains(page, `<mark class="hidden-char" title="`+strings.Replace(code, "+", "&#43;", 1)) { // html/template writes + as &#43;
			t.Errorf("the source view does not mark %s", code)
		}
	}
	for name, b := range files {
		if strings.ContainsAny(string(b), "\u202E\x01\u200B\x7f") {
			t.Errorf("%s holds a hidden character as it is", name)
		}
	}
}
