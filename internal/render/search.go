package render

import (
	"bytes"
	"encoding/json"
)

// The search index is one JSON file the search page's script fetches:
//
//	{"r": [[url, title, area, date], ...],
//	 "i": [[report, number, anchor, text, response], ...]}
//
// Each report and each issue appears once, as plain text; the script
// matches and marks words itself. Arrays, not objects, keep it compact.
type searchIndex struct {
	Reports [][4]string `json:"r"`
	Issues  [][5]any    `json:"i"`
}

// searchIndexJSON builds the index for the whole site.
func (r *run) searchIndexJSON() ([]byte, error) {
	var idx searchIndex
	idx.Reports = make([][4]string, 0, len(r.s.Newest))
	for ri, rep := range r.s.Newest {
		idx.Reports = append(idx.Reports, [4]string{rep.URL, ReportTitle(rep), rep.Area, rep.Date})
		for i, is := range rep.Issues {
			idx.Issues = append(idx.Issues, [5]any{ri, is.Number, r.l.issueIDs[rep][i], is.Text, is.Response})
		}
	}
	if idx.Issues == nil {
		idx.Issues = [][5]any{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(idx)
	return b.Bytes(), err
}
