package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// Explanation says, for one document, which value each field took, the
// line it came from and why, and the candidates that lost and why: enough
// for an editor to tell whether to change a term in site.toml or to give
// the field in front matter. The reader fills it only when asked (see
// Parser.Explain), so reading for a build costs nothing more.
type Explanation struct {
	Source string
	Blocks []Block
	Fields []FieldChoice
}

// Block is one part of the document as the segmenter divided it.
type Block struct {
	Kind       string // chrome, title, metadata, narrative, issues
	First, End int    // lines First to End, inclusive
	Text       string // its first words
}

// FieldChoice is the value one field took, and the candidates that lost.
type FieldChoice struct {
	Field string
	Value string
	Line  int    // 0: not from the text
	Why   string // the evidence that won
	Lost  []Candidate
}

// Candidate is a value the text offered for a field that did not win.
type Candidate struct {
	Value string
	Line  int
	Why   string
}

// field returns the choice for name, adding it if new.
func (e *Explanation) field(name string) *FieldChoice {
	for i := range e.Fields {
		if e.Fields[i].Field == name {
			return &e.Fields[i]
		}
	}
	e.Fields = append(e.Fields, FieldChoice{Field: name})
	return &e.Fields[len(e.Fields)-1]
}

// chose records that field took value from line, for the reason why; a
// value it held before becomes a losing candidate.
func (d *docState) chose(field, value string, line int, why string) {
	if d.ex == nil {
		return
	}
	f := d.ex.field(field)
	if f.Value != "" || f.Why != "" {
		f.Lost = append(f.Lost, Candidate{f.Value, f.Line, "replaced by stronger evidence: " + f.Why})
	}
	f.Value, f.Line, f.Why = value, line, why
}

// lost records a candidate for field that did not win, and why.
func (d *docState) lost(field, value string, line int, why string) {
	if d.ex == nil {
		return
	}
	f := d.ex.field(field)
	for _, c := range f.Lost {
		if c.Value == value && c.Line == line {
			return // one reason per candidate and line is enough
		}
	}
	f.Lost = append(f.Lost, Candidate{value, line, why})
}

// block records one block of the document.
func (d *docState) block(kind string, p paragraph) {
	if d.ex == nil {
		return
	}
	text := clip(p.text(), 60)
	d.ex.Blocks = append(d.ex.Blocks, Block{kind, p.first(), p.lines[len(p.lines)-1].n, text})
}

// Explain reads one document as Parse does and says how each field was
// chosen.
func (p *Parser) Explain(src string, data []byte) (*Report, *Explanation, []diag.Diagnostic) {
	ex := &Explanation{Source: src}
	r, ds := p.parse(src, data, ex)
	if r != nil {
		p.explainResult(r, ex)
	}
	return r, ex, ds
}

// explainResult adds what the report holds but the reader did not record
// while choosing: fields given in front matter, and the issues found.
func (p *Parser) explainResult(r *Report, ex *Explanation) {
	set := func(name, value string, line int) {
		f := ex.field(name)
		if value == "" && f.Value == "" && f.Why == "" {
			f.Why = "the text states none that counts"
			return
		}
		if f.Value != value {
			if f.Value != "" || f.Why != "" {
				f.Lost = append(f.Lost, Candidate{f.Value, f.Line, "front matter gives the field"})
			}
			f.Value, f.Line, f.Why = value, line, "front matter"
			if line > 0 {
				f.Why = "read from the text"
			}
		}
	}
	set("title", r.Title, r.Lines.Title)
	set("area", r.Area, r.Lines.Area)
	set("date", r.Date, r.Lines.Date)
	set("programme", r.Programme, r.Lines.Programme)
	set("kind", r.Kind, r.Lines.Kind)
	for slug, v := range r.Ratings {
		f := ex.field("rating " + slug)
		if f.Value == "" {
			f.Value, f.Line, f.Why = v, r.Lines.Ratings[slug], "a rating word given to the criterion"
		}
	}
	for _, is := range r.Issues {
		f := ex.field(fmt.Sprintf("issue %d", is.Number))
		f.Value, f.Line = is.Text, is.Line
		f.Why = "themes " + strings.Join(is.Themes, ", ")
		for _, t := range is.ThemeTerms {
			f.Why += "; " + t.Theme + ` from "` + strings.Join(t.Terms, `", "`) + `"`
		}
	}
	for _, nt := range r.NarrativeThemeTerms {
		f := ex.field("narrative theme " + nt.Theme)
		f.Value, f.Why = strings.Join(nt.Terms, ", "), "terms found in the narrative"
		if len(nt.Lines) > 0 {
			f.Line = nt.Lines[0]
		}
	}
}

// fieldOrder puts the document's own fields first, in the order of
// reports.json, then ratings, issues and narrative themes as found.
func fieldOrder(name string) int {
	for i, f := range []string{"title", "area", "date", "programme", "kind"} {
		if name == f {
			return i
		}
	}
	return 10
}

// WriteTo prints the explanation for a person: the blocks, then each
// field with its line and reason, then the candidates that lost.
func (e *Explanation) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nblocks:\n", e.Source)
	for _, bl := range e.Blocks {
		fmt.Fprintf(&b, "  lines %d-%d  %-9s  %s\n", bl.First, bl.End, bl.Kind, bl.Text)
	}
	b.WriteString("\nfields:\n")
	fields := slices.Clone(e.Fields)
	slices.SortStableFunc(fields, func(a, b FieldChoice) int { return fieldOrder(a.Field) - fieldOrder(b.Field) })
	for _, f := range fields {
		value := f.Value
		if value == "" {
			value = "(none)"
		}
		value = clip(value, 90)
		where := "not in the text"
		if f.Line > 0 {
			where = fmt.Sprintf("line %d", f.Line)
		}
		fmt.Fprintf(&b, "  %s = %q\n      %s: %s\n", f.Field, value, where, f.Why)
		for _, c := range f.Lost {
			at := ""
			if c.Line > 0 {
				at = fmt.Sprintf(" (line %d)", c.Line)
			}
			fmt.Fprintf(&b, "      lost: %q%s: %s\n", c.Value, at, c.Why)
		}
	}
	b.WriteString("\nA wrong field: if the right words are in the text, add them to site.toml (themes, programmes, kinds, [extract]);\nif the text does not say it, give the field in front matter.\n")
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// clip shortens s to at most n bytes, at a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}
