// Package opendata renders the site's open data files: data/reports.json,
// data/issues.csv, data/ratings.csv and data/commitments.csv, as SPEC.md
// describes them. Each is
// written to an io.Writer a report at a time, so a site of any size never
// holds a whole file in memory.
//
// It turns the site model into bytes and nothing else: no files, no HTML.
package opendata

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite/internal/site"
)

// WriteReportsJSON writes data/reports.json: {"reports": [...]} in site
// order, then the licence, the date of the newest document and the
// publisher, indented by two spaces.
func WriteReportsJSON(w io.Writer, s *site.Site) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if len(s.Reports) == 0 {
		bw.WriteString("{\n  \"reports\": []")
	} else {
		bw.WriteString("{\n  \"reports\": [\n")
		var b []byte
		for i, r := range s.Reports {
			if i > 0 {
				bw.WriteString(",\n")
			}
			bw.WriteString("    ")
			b = appendReport(b[:0], r)
			bw.Write(b)
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(appendAbout(nil, s))
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// appendAbout writes the members after "reports": what the data may be
// used under, how recent it is and who publishes it.
func appendAbout(b []byte, s *site.Site) []byte {
	cfg := s.Config
	b = append(b, ",\n  \"licence\": {\n    \"name\": "...)
	b = AppendJSONString(b, cfg.DataLicence.Name, true)
	b = append(b, ",\n    \"url\": "...)
	b = AppendJSONString(b, cfg.DataLicence.URL, true)
	b = append(b, "\n  },\n  \"last_updated\": "...)
	b = AppendJSONString(b, s.LastUpdated(), true)
	b = append(b, ",\n  \"publisher\": "...)
	return AppendJSONString(b, cfg.Publisher, true)
}

// WriteIssuesCSV writes data/issues.csv: one row per issue.
func WriteIssuesCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"report_id", "area", "date", "programme", "number", "themes", "text", "response", "response_covers", "joint_with", "url", "source_url"})
	for _, r := range s.Reports {
		for _, is := range r.Issues {
			cw.Write([]string{
				r.ID, r.Area, r.Date, r.Programme, strconv.Itoa(is.Number), strings.Join(is.Themes, ";"),
				is.Text, is.Response, joinInts(is.ResponseCovers), strings.Join(is.JointWith, ";"), r.URL + "#issue-" + strconv.Itoa(is.Number),
				r.SourceURL,
			})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCommitmentsCSV writes data/commitments.csv: one row per commitment
// of each response, under the issues the response answers (a combined
// response is written once). source_line links the sentence in the
// document as read; source_url is the original publication.
func WriteCommitmentsCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"report_id", "area", "date", "issues", "owners", "timeframe", "timeframe_read", "timeframe_relative",
		"status", "text", "source_line", "source_url"})
	for _, r := range s.Reports {
		for _, is := range r.Issues {
			if len(is.ResponseCovers) > 0 && is.ResponseCovers[0] != is.Number {
				continue
			}
			for _, c := range is.Commitments {
				cw.Write([]string{
					r.ID, r.Area, r.Date, joinInts(is.ResponseCovers), strings.Join(c.Owners, ";"), c.Timeframe, c.TimeframeRead,
					strconv.FormatBool(c.TimeframeRelative), c.Status, c.Text, r.URL + "source/#L" + strconv.Itoa(c.Line), r.SourceURL,
				})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRatingsCSV writes data/ratings.csv: one row per report and stated
// criterion, criteria in site.toml order.
func WriteRatingsCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"report_id", "area", "date", "programme", "criterion", "rating"})
	for _, r := range s.Reports {
		for _, c := range s.Config.Criteria {
			if v, ok := r.Ratings[c.Slug]; ok {
				cw.Write([]string{r.ID, r.Area, r.Date, r.Programme, c.Slug, v})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Bytes runs one of the Write functions into memory.
func Bytes(write func(io.Writer, *site.Site) error, s *site.Site) ([]byte, error) {
	var b bytes.Buffer
	err := write(&b, s)
	return b.Bytes(), err
}

// ReportsJSON, IssuesCSV and RatingsCSV return the files as bytes.
func ReportsJSON(s *site.Site) ([]byte, error) { return Bytes(WriteReportsJSON, s) }
func IssuesCSV(s *site.Site) ([]byte, error)   { return Bytes(WriteIssuesCSV, s) }
func RatingsCSV(s *site.Site) ([]byte, error)  { return Bytes(WriteRatingsCSV, s) }

// CommitmentsCSV returns data/commitments.csv as bytes.
func CommitmentsCSV(s *site.Site) ([]byte, error) { return Bytes(WriteCommitmentsCSV, s) }

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ";")
}
