package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/opendata"
	"github.com/inspectsite/inspectsite/internal/report"
)

// Issue 15 case 3: no cell of issues.csv runs as a formula; reports.json
// keeps each text exactly.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	texts := []string{
		`=HYPERLINK("http://evil.example/","x") was in the file.`,
		"-10% fall in late files.",
		"@CPSEastMidlands posts the figures.",
		"+44 is the dialling code.",
	}
	doc := "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n01/02/2020\n\nIssues to address\n\n"
	for i, s := range texts {
		doc += string(rune('1'+i)) + ". " + s + "\nCPS response: " + s + "\n"
	}
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	src := fstest.MapFS{"content/x.txt": {Data: []byte(doc)}}
	var list diag.List
	s := build.Model(cfg, build.ParseAll(src, []string{"content/x.txt"}, report.NewParser(cfg), cfg.MaxDocumentBytes), &list)
	if len(s.Reports) != 1 || len(s.Reports[0].Issues) != len(texts) {
		t.Fatalf("the document did not read as %d issues: %v", len(texts), list.Sorted())
	}
	b, _ := opendata.IssuesCSV(s)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range texts {
		row := rows[1+i]
		if row[6] != "'"+want || row[7] != "'"+want {
			t.Errorf("issue %d: text %q, response %q; want both %q", i+1, row[6], row[7], "'"+want)
		}
	}
	j, _ := opendata.ReportsJSON(s)
	var got struct {
		Reports []struct {
			Issues []struct{ Text, Response string }
		}
	}
	json.Unmarshal(j, &got)
	for i, want := range texts {
		if is := got.Reports[0].Issues[i]; is.Text != want || is.Response != want {
			t.Errorf("reports.json issue %d: %q / %q, want %q", i+1, is.Text, is.Response, want)
		}
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "plain": "plain", "a=b": "a=b", "'quoted": "'quoted", " =1": " =1",
	} {
		if got := opendata.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
