package opendata

import (
	"encoding/json"
	"testing"

	"github.com/inspectsite/inspectsite/internal/report"
)

// The hand-written encoder writes exactly what encoding/json writes.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	tricky := "quotes \" and \\ <b>&amp;</b> \t\n\r\b\f \x01 \x7f é ’ \u2028\u2029 bad \xff\xfe end"
	reports := []*report.Report{
		{},
		{ID: "a", Ratings: map[string]string{}, OtherRatings: []report.OtherRating{}, Issues: []report.Issue{}},
		{
			ID: "b", Source: "content/x.txt", Title: tricky, Area: "Wessex", AreaSlug: "wessex", Date: "2018-04-05",
			Programme: "AAP", Kind: "cps-response", URL: "/reports/b/",
			NarrativeThemes: []string{"z", "a"},
			NarrativeThemeTerms: report.NarrativeTerms{{Theme: "z", Terms: []string{tricky}, Lines: []int{3, 1}},
				{Theme: "a", Terms: []string{"t"}}},
			Ratings:      map[string]string{"z": "Good", "a": "Poor", "m": tricky},
			OtherRatings: []report.OtherRating{{Label: tricky, Rating: "Fair"}, {Label: "x"}},
			Issues: []report.Issue{
				{Number: 1, Text: tricky, Response: "r", ResponseCovers: []int{1, 3}, JointWith: []string{"London North"},
					Themes: []string{"b", "a"}, ThemeTerms: report.ThemeTerms{{Theme: "b", Terms: []string{"t1", tricky}}, {Theme: "a", Terms: []string{}}}},
				{Number: 2, ResponseCovers: []int{}, JointWith: []string{}, Themes: []string{}, ThemeTerms: report.ThemeTerms{},
					Commitments: []report.Commitment{{}, {Text: tricky, Owners: []string{"the Area", tricky}, Timeframe: "in June",
						TimeframeRead: "2018-06", TimeframeRelative: true, Status: "under way", Line: 12}}},
			},
		},
	}
	for _, r := range reports {
		want, err := json.MarshalIndent(r, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendReport(nil, r); string(got) != string(want) {
			t.Errorf("report %q:\n got %s\nwant %s", r.ID, got, want)
		}
	}
	for _, html := range []bool{true, false} {
		var want []byte
		if html {
			want, _ = json.Marshal(tricky)
		} else {
			enc := jsonNoHTML(tricky)
			want = enc
		}
		if got := AppendJSONString(nil, tricky, html); string(got) != string(want) {
			t.Errorf("html=%v: got %s, want %s", html, got, want)
		}
	}
}

func jsonNoHTML(s string) []byte {
	var b bytesBuffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return b.b[:len(b.b)-1] // without Encode's newline
}

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }
