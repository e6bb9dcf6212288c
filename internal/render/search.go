package render

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite/internal/report"

	"github.com/inspectsite/inspectsite/internal/opendata"
)

// The search index is one JSON file the search page's script fetches:
//
//	{"r": [[url, title, area, date, programme, narrative], ...],
//	 "i": [[report, number, anchor, text, response], ...],
//	 "a": [[name, url, what it covers], ...],
//	 "t": [[title, url, description], ...]}
//
// narrative is the start of the report's own text (narrativeChars bytes
// at most, cut at a word), so that a search finds a summary with no
// numbered issues by what it says.
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
		for i, f := range [6]string{rep.URL, ReportTitle(rep), rep.Area, rep.Date, r.programmeTitle(rep.Programme), narrativeStart(rep)} {
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
	bw.WriteString("],\"a\":[")
	for i, a := range r.s.KnownAreas() {
		covers := a.Name
		if ca := r.s.Config.AreaBySlug(a.Slug); ca != nil {
			covers = strings.Join(append(append([]string{}, ca.PoliceForces...), ca.Counties...), ", ")
		}
		b = r.searchRow(b[:0], i, "CPS "+a.Name, "/areas/"+a.Slug+"/", covers)
		bw.Write(b)
	}
	bw.WriteString("],\"t\":[")
	for i, t := range r.s.Themes {
		b = r.searchRow(b[:0], i, t.Title, "/themes/"+t.Slug+"/", t.Description)
		bw.Write(b)
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// searchRow appends one [title, url, text] row, after a comma unless it
// is the first.
func (r *run) searchRow(b []byte, i int, title, url, text string) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	b = append(b, '[')
	for j, f := range [3]string{title, url, text} {
		if j > 0 {
			b = append(b, ',')
		}
		b = opendata.AppendJSONString(b, f, false)
	}
	return append(b, ']')
}

// narrativeChars bounds how much of each report's own text the index
// holds.
const narrativeChars = 1200

// narrativeStart is the start of a report's narrative as plain text.
func narrativeStart(rep *report.Report) string {
	var b strings.Builder
	for _, p := range rep.Narrative {
		if b.Len() >= narrativeChars {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
		for _, it := range p.Items {
			b.WriteByte(' ')
			b.WriteString(it)
		}
	}
	s := b.String()
	if len(s) > narrativeChars {
		cut := strings.LastIndexByte(s[:narrativeChars], ' ')
		if cut < 0 {
			cut = narrativeChars
		}
		s = s[:cut]
	}
	return s
}
