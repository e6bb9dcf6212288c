package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/opendata"
	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

var update = flag.Bool("update", false, "rewrite golden files")

func seedSite(t *testing.T) *site.Site {
	t.Helper()
	src := os.DirFS("../..")
	cfg, ds := build.LoadConfig(src, "site.toml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	files, _ := fs.Glob(src, "content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	var list diag.List
	return build.Model(cfg, build.ParseAll(src, files, report.NewParser(cfg), cfg.MaxDocumentBytes), &list)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is right, run go test ./internal/opendata -update", name)
	}
}

func TestReportsJSON(t *testing.T) {
	s := seedSite(t)
	b, err := opendata.ReportsJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "reports.json", b)
	// The shape SPEC.md promises, field by field.
	var doc struct {
		Reports []map[string]json.RawMessage `json:"reports"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	keys := []string{"id", "source", "title", "area", "area_slug", "date", "programme", "kind", "ratings", "other_ratings", "issues", "url", "narrative_themes", "narrative_theme_terms", "source_url"}
	for _, r := range doc.Reports {
		if len(r) != len(keys) {
			t.Errorf("report has %d fields, want %d", len(r), len(keys))
		}
		for _, k := range keys {
			if _, ok := r[k]; !ok {
				t.Errorf("report lacks %q", k)
			}
		}
	}
	if len(doc.Reports) != 5 {
		t.Fatalf("%d reports", len(doc.Reports))
	}
	var first struct{ ID, URL string }
	b0, _ := json.Marshal(doc.Reports[0])
	json.Unmarshal(b0, &first)
	if first.ID != "east-midlands-2016-11-29" || first.URL != "/reports/east-midlands-2016-11-29/" {
		t.Errorf("first report %+v: reports are sorted by area slug, then date", first)
	}
}

func TestCSVFiles(t *testing.T) {
	s := seedSite(t)
	issues, _ := opendata.IssuesCSV(s)
	ratings, _ := opendata.RatingsCSV(s)
	golden(t, "issues.csv", issues)
	golden(t, "ratings.csv", ratings)
	rows, err := csv.NewReader(bytes.NewReader(issues)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+31 || rows[0][0] != "report_id" || rows[0][7] != "response" {
		t.Errorf("issues.csv: %d rows, header %v", len(rows), rows[0])
	}
	commitments, _ := opendata.CommitmentsCSV(s)
	golden(t, "commitments.csv", commitments)
	crows, err := csv.NewReader(bytes.NewReader(commitments)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(crows) < 2 || crows[0][4] != "owners" || crows[1][10] == "" || !bytes.Contains([]byte(crows[1][10]), []byte("source/#L")) {
		t.Errorf("commitments.csv: %d rows, header %v, first %v", len(crows), crows[0], crows[min(1, len(crows)-1)])
	}
	rrows, _ := csv.NewReader(bytes.NewReader(ratings)).ReadAll()
	if len(rrows) != 1+16 {
		t.Errorf("ratings.csv: %d rows, want 17 (4 rated reports × 4 criteria + header)", len(rrows))
	}
}

func TestReportsJSONSaysLicenceDateAndPublisher(t *testing.T) {
	s := seedSite(t)
	b, err := opendata.ReportsJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Reports []struct {
			ID        string `json:"id"`
			SourceURL string `json:"source_url"`
		} `json:"reports"`
		Licence     struct{ Name, URL string } `json:"licence"`
		LastUpdated string                     `json:"last_updated"`
		Publisher   string                     `json:"publisher"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Licence.Name != "Open Government Licence v3.0" || doc.Licence.URL == "" || doc.Publisher == "" {
		t.Errorf("licence %+v, publisher %q", doc.Licence, doc.Publisher)
	}
	// The newest seed is London South's of 25 October 2018: the date is
	// the content's, not the build's.
	if doc.LastUpdated != "2018-10-25" {
		t.Errorf("last_updated = %q, want the newest document's date 2018-10-25", doc.LastUpdated)
	}
	urls := map[string]string{}
	for _, r := range doc.Reports {
		urls[r.ID] = r.SourceURL
	}
	if urls["east-of-england-2017-10-25"] != "https://www.justiceinspectorates.gov.uk/hmcpsi/area-assurance-inspection-cps-east-of-england/" || urls["mersey-cheshire-2018-04-05"] != "" {
		t.Errorf("source_url by report: %v", urls)
	}
}

func TestCompareCSVFiles(t *testing.T) {
	s := seedSite(t)
	for _, f := range opendata.CompareFiles {
		b, err := opendata.Bytes(f.Write, s)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Base(f.Name), b)
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		// No seed Area has two inspections, so nothing is raised again.
		if want := f.Name != "data/compare-again.csv"; (len(rows) > 1) != want {
			t.Errorf("%s has %d rows", f.Name, len(rows)-1)
		}
	}
}
