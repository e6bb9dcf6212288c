// Package opendata renders the site's open data files: data/reports.json,
// data/issues.csv and data/ratings.csv, as SPEC.md describes them.
//
// It turns the site model into bytes and nothing else: no files, no HTML.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"inspectsite/internal/report"
	"inspectsite/internal/site"
)

// ReportsJSON is data/reports.json: {"reports": [...]} in site order.
func ReportsJSON(s *site.Site) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	reports := s.Reports
	if reports == nil {
		reports = []*report.Report{}
	}
	err := enc.Encode(struct {
		Reports []*report.Report `json:"reports"`
	}{reports})
	return b.Bytes(), err
}

// IssuesCSV is data/issues.csv: one row per issue.
func IssuesCSV(s *site.Site) ([]byte, error) {
	rows := [][]string{{"report_id", "area", "date", "programme", "number", "themes", "text", "response", "response_covers", "joint_with", "url"}}
	for _, r := range s.Reports {
		for _, is := range r.Issues {
			rows = append(rows, []string{
				r.ID, r.Area, r.Date, r.Programme, strconv.Itoa(is.Number), strings.Join(is.Themes, ";"),
				is.Text, is.Response, joinInts(is.ResponseCovers), strings.Join(is.JointWith, ";"), r.URL + "#issue-" + strconv.Itoa(is.Number),
			})
		}
	}
	return writeCSV(rows)
}

// RatingsCSV is data/ratings.csv: one row per report and stated criterion,
// criteria in site.toml order.
func RatingsCSV(s *site.Site) ([]byte, error) {
	rows := [][]string{{"report_id", "area", "date", "programme", "criterion", "rating"}}
	for _, r := range s.Reports {
		for _, c := range s.Config.Criteria {
			if v, ok := r.Ratings[c.Slug]; ok {
				rows = append(rows, []string{r.ID, r.Area, r.Date, r.Programme, c.Slug, v})
			}
		}
	}
	return writeCSV(rows)
}

// writeCSV writes RFC 4180 CSV with CRLF line ends, as the RFC asks.
func writeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ";")
}
