package report

import (
	"strings"
)

// findIssueStart finds the line where the list of issues begins: a short
// heading-like line naming it ("Issues to address"), followed by numbered
// items; failing that, the first numbered item followed by a response label.
func (d *docState) findIssueStart() {
	d.issueStart = len(d.lines)
	for i, l := range d.lines {
		if l.text == "" || !headingLike(l) {
			continue
		}
		if len(d.p.headings.find(l.text)) == 0 {
			continue
		}
		if d.hasItemsAfter(i) || d.unnumberedIssueAt(d.lines[i+1:], 0) {
			d.issueStart = i
			return
		}
	}
	for i, l := range d.lines {
		if _, _, ok := d.p.numberedItem(l.text); !ok {
			continue
		}
		for _, m := range d.lines[i+1:] {
			if _, _, ok := d.p.numberedItem(m.text); ok {
				break
			}
			if d.responseLabel(m.text) != nil {
				d.issueStart = i
				return
			}
		}
	}
}

func (d *docState) hasItemsAfter(i int) bool {
	for _, l := range d.lines[i+1:] {
		if _, _, ok := d.p.numberedItem(l.text); ok {
			return true
		}
		if l.bullet {
			return true
		}
	}
	return false
}

// unnumberedIssueAt reports whether lines[i] opens a paragraph, not a
// response, that a response label follows next ("Inspectorate's
// Recommendations", then one unnumbered recommendation, then "CPS
// Response:"): an issue without a number.
func (d *docState) unnumberedIssueAt(lines []line, i int) bool {
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	if i >= len(lines) || i > 0 && lines[i-1].text != "" || d.responseLabel(lines[i].text) != nil {
		return false
	}
	for i < len(lines) && lines[i].text != "" {
		if d.responseLabel(lines[i].text) != nil {
			return false
		}
		i++
	}
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	return i < len(lines) && d.responseLabel(lines[i].text) != nil
}

// headingLike is a short line that does not read as a sentence.
func headingLike(l line) bool {
	if l.heading {
		return true
	}
	n := wordCount(l.text)
	return n > 0 && n <= 20 && !strings.HasSuffix(l.text, ".")
}

// isBody reports a paragraph that reads as running text rather than a title.
func isBody(p paragraph) bool {
	t := p.text()
	n := wordCount(t)
	if n > 20 {
		return true
	}
	end := t[len(t)-1]
	switch {
	case end == '.' || end == '!' || end == '?':
		return n >= 4 // a sentence; titles rarely end in a full stop
	case end == ':' || end == '"' || strings.HasSuffix(t, "”"):
		return n > 6
	}
	return false
}

// readIntro reads the running text between the title and the issues: the
// narrative, and the Area, date, programme, kind, ratings and stated count.
func (d *docState) readIntro() {
	r := d.r
	d.introTo = d.introFrom
	for d.introTo < len(d.paras) && d.paras[d.introTo].lines[0].n < d.issueLine() {
		d.introTo++
	}
	intro := d.paras[d.introFrom:d.introTo]
	for _, p := range intro {
		d.block("narrative", p)
	}
	if d.issueStart < len(d.lines) {
		last := d.lines[len(d.lines)-1]
		d.block("issues", paragraph{[]line{d.lines[d.issueStart], last}})
	}
	d.readIntroDates(intro)
	d.readArea(intro)
	sc := evidenceScratches.Get().(*evidenceScratch)
	defer sc.release()
	ev := d.evidenceTexts(intro, sc)
	d.readProgramme(ev)
	d.readKind(ev)
	d.readRatings(intro)
	d.readStatedCount(ev)
	d.readNarrativeThemes(ev)
	r.Narrative = narrative(intro)
	if d.raw != nil {
		r.NarrativeMarkdown = narrativeMarkdown(intro, d.raw, d.first)
	}
	if len(intro) > 0 {
		r.Lines.Narrative = intro[0].first()
	}
}

// narrative is the intro as paragraphs of plain text; a paragraph of
// bullet lines is a list.
func narrative(ps []paragraph) []Paragraph {
	out := make([]Paragraph, 0, len(ps))
	for _, p := range ps {
		bullets := true
		for _, l := range p.lines {
			bullets = bullets && l.bullet
		}
		if !bullets {
			out = append(out, Paragraph{Text: p.text()})
			continue
		}
		items := make([]string, len(p.lines))
		for i, l := range p.lines {
			items[i] = l.text
		}
		out = append(out, Paragraph{Items: items})
	}
	return out
}

// narrativeMarkdown is the intro's own lines of a markdown document,
// paragraphs apart: what the reader took for web chrome stays out.
func narrativeMarkdown(ps []paragraph, raw []string, first int) string {
	var b strings.Builder
	for _, p := range ps {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for i, l := range p.lines {
			if i > 0 {
				b.WriteByte('\n')
			}
			if k := l.n - first; k >= 0 && k < len(raw) {
				b.WriteString(raw[k])
			}
		}
	}
	return b.String()
}
