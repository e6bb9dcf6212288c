package render

import (
	"strconv"

	"inspectsite/internal/opendata"
)

// The search index is one JSON file the search page's script fetches:
//
//	{"r": [[url, title, area, date], ...],
//	 "i": [[report, number, anchor, text, response], ...]}
//
// Each report and each issue appears once, as plain text; the script
// matches and marks words itself. Arrays, not objects, keep it compact.
// searchIndexJSON builds the index for the whole site, as encoding/json's
// Encoder would write it without HTML escaping, but without reflection.
func (r *run) searchIndexJSON() ([]byte, error) {
	size := 16
	for _, rep := range r.s.Newest {
		size += len(rep.URL) + len(rep.Title) + len(rep.Area) + 64
		for _, is := range rep.Issues {
			size += len(is.Text) + len(is.Response) + 48
		}
	}
	b := make([]byte, 0, size+size/16) // grown once at most: doubling a large buffer costs more than filling it
	b = append(b, `{"r":[`...)
	for ri, rep := range r.s.Newest {
		if ri > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for i, f := range [4]string{rep.URL, ReportTitle(rep), rep.Area, rep.Date} {
			if i > 0 {
				b = append(b, ',')
			}
			b = opendata.AppendJSONString(b, f, false)
		}
		b = append(b, ']')
	}
	b = append(b, `],"i":[`...)
	first := true
	for ri, rep := range r.s.Newest {
		for i, is := range rep.Issues {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(ri), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(is.Number), 10)
			for _, f := range [3]string{r.l.issueID(rep, i), is.Text, is.Response} {
				b = append(b, ',')
				b = opendata.AppendJSONString(b, f, false)
			}
			b = append(b, ']')
		}
	}
	return append(b, "]}\n"...), nil
}
