package opendata

import (
	"encoding/csv"
	"io"
)

// csvWriter writes RFC 4180 CSV whose cells a spreadsheet will not run:
// a cell beginning with = + - @, a tab or a carriage return is a formula
// (or becomes one) in Excel, LibreOffice and Google Sheets, so it gets a
// leading apostrophe, as OWASP's CSV injection guidance recommends. The
// apostrophe shows in a text editor and hides in a spreadsheet; the exact
// text is in reports.json.
type csvWriter struct {
	*csv.Writer
	row []string
}

// newCSV writes with CRLF line ends, as the RFC asks.
func newCSV(w io.Writer) *csvWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter{Writer: cw}
}

func (w *csvWriter) Write(record []string) error {
	w.row = w.row[:0]
	for _, c := range record {
		w.row = append(w.row, Neutralise(c))
	}
	return w.Writer.Write(w.row)
}

// Neutralise returns a CSV cell that no spreadsheet evaluates.
func Neutralise(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}
