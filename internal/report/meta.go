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
		if d.hasItemsAfter(i) {
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
	ev := d.evidenceTexts(intro)
	d.readProgramme(ev)
	d.readKind(ev)
	d.readRatings(intro)
	d.readStatedCount(ev)
	d.readNarrativeThemes(ev)
	r.Narrative = narrative(intro)
	if len(intro) > 0 {
		r.Lines.Narrative = intro[0].first()
	}
}

// narrative renders the intro as escaped markdown: paragraphs and bullet
// lists only. Anything else that looks like markup stays text.
func narrative(ps []paragraph) string {
	var b strings.Builder
	for _, p := range ps {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		bullets := true
		for _, l := range p.lines {
			bullets = bullets && l.bullet
		}
		if bullets {
			for i, l := range p.lines {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("- ")
				b.WriteString(escapeMarkdown(l.text))
			}
			continue
		}
		b.WriteString(escapeMarkdown(p.text()))
	}
	return b.String()
}

var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`, "&", `\&`,
)

// escapeMarkdown makes text render as itself. A leading "1." or "-" would
// start a list, so it is escaped as well.
func escapeMarkdown(s string) string {
	s = mdSpecial.Replace(s)
	if len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=') {
		s = `\` + s
	}
	if i := strings.IndexAny(s, ".)"); i > 0 && i < 10 && strings.Trim(s[:i], "0123456789") == "" {
		s = s[:i] + `\` + s[i:]
	}
	return s
}
