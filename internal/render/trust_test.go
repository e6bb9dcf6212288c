package render_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/inspectsite/inspectsite/internal/opendata"
)

// Pages readers can trust: what issue 13 asks of the report pages.
func TestReportPagesWithoutRepetition(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	mersey := files["reports/mersey-cheshire-2018-04-05/index.html"]
	// The combined response to issues 1 and 3 is printed once.
	if n := bytes.Count(mersey, []byte("In developing the Area")); n != 1 {
		t.Errorf("the response to issues 1 and 3 is printed %d times", n)
	}
	// Issue headings say which issue, not its words again.
	for _, h := range regexp.MustCompile(`<h3 id="issue-\d+">([^<]*)</h3>`).FindAllSubmatch(mersey, -1) {
		if !regexp.MustCompile(`^Issue \d+$`).Match(h[1]) {
			t.Errorf("issue heading %q", h[1])
		}
	}
	// 2017 documents expand HMCPSI as they were written: Her Majesty's.
	eoe := files["reports/east-of-england-2017-10-25/index.html"]
	if bytes.Contains(eoe, []byte("His Majesty")) || !bytes.Contains(eoe, []byte("Her Majesty&#39;s Crown Prosecution Service Inspectorate")) {
		t.Error("a 2017 report does not expand HMCPSI as Her Majesty's")
	}
	for name, b := range files {
		for _, bad := range []string{"site.toml", "content/0", "as inspectsite read it"} {
			if bytes.Contains(b, []byte(bad)) && bytes.HasSuffix([]byte(name), []byte(".html")) {
				t.Errorf("%s shows %q to readers", name, bad)
			}
		}
	}
}

// The data page lists every comparison file the build writes.
func TestDataPageListsTheCompareFiles(t *testing.T) {
	files := renderAll(t, seedSite(t, "/"), nil)
	for _, f := range opendata.CompareFiles {
		if _, ok := files[f.Name]; !ok {
			t.Errorf("%s not written", f.Name)
		}
		if !bytes.Contains(files["data/index.html"], []byte(`href="/`+f.Name+`"`)) {
			t.Errorf("the data page does not link %s", f.Name)
		}
	}
	for _, want := range []string{"Open Government Licence v3.0", "25 October 2018: the date of the newest document"} {
		if !bytes.Contains(files["data/index.html"], []byte(want)) {
			t.Errorf("the data page lacks %q", want)
		}
	}
	if !bytes.Contains(files["index.html"], []byte("Published by ")) {
		t.Error("the footer does not name the publisher")
	}
}
