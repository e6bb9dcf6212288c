package render

import (
	"bufio"
	"bytes"
	"io"
	"strconv"

	"github.com/inspectsite/inspectsite/internal/opendata"
)

// The search index is one JSON file the search page's script fetches:
//
//	{"r": [[url, title, area, date], ...],
//	 "i": [[report, number, anchor, text, response], ...]}
//
// Each report and each issue appears once, as plain text; the script
// matches and marks words itself. Arrays, not objects, keep it compact.
// searchIndexJSON builds the index for the whole site in memory.
func (r *run) searchIndexJSON() ([]byte, error) {
	var b bytes.Buffer
	err := r.writeSearchIndex(&b)
	return b.Bytes(), err
}

// writeSearchIndex writes the index as encoding/json's Encoder would
// without HTML escaping, but without reflection, a report at a time.
func (r *run) writeSearchIndex(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	bw.WriteString(`{"r":[`)
	for ri, rep := range r.s.Newest {
		b = b[:0]
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
		bw.Write(append(b, ']'))
	}
	bw.WriteString(`],"i":[`)
	first := true
	for ri, rep := range r.s.Newest {
		b = b[:0]
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
		bw.Write(b)
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}
