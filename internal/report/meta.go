package report

import (
	"regexp"
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
		if _, _, ok := numberedItem(l.text); !ok {
			continue
		}
		for _, m := range d.lines[i+1:] {
			if _, _, ok := numberedItem(m.text); ok {
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
		if _, _, ok := numberedItem(l.text); ok {
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

var trailingDate = regexp.MustCompile(`\s+\[?\(?(\d{1,2}[/.]\d{1,2}[/.]\d{4})\)?\]?$`)

// readHeader takes the title, and a date stated with it, from the paragraphs
// before the first running text.
func (d *docState) readHeader() {
	r := d.r
	var candidates []struct {
		text string
		line int
	}
	i := 0
	pendingDateLabel := false
	for ; i < len(d.paras); i++ {
		p := d.paras[i]
		if p.lines[0].n >= d.issueLine() || isBody(p) {
			break
		}
		// Dates and date labels split a header paragraph: the lines before
		// and after them are separate candidates.
		var kept []string
		flush := func() {
			if len(kept) == 0 {
				return
			}
			title := fold(strings.Join(kept, " "))
			kept = nil
			if wordCount(title) <= 30 {
				candidates = append(candidates, struct {
					text string
					line int
				}{title, p.first()})
			}
		}
		for _, l := range p.lines {
			t := l.text
			if pendingDateLabel {
				pendingDateLabel = false
				if v, ok := onlyDate(t); ok {
					d.setDate(v, l.n, 3)
					continue
				}
			}
			if isDateLabel(t) {
				flush()
				pendingDateLabel = true
				continue
			}
			if v, ok := onlyDate(t); ok {
				flush()
				d.setDate(v, l.n, 3)
				continue
			}
			if m := trailingDate.FindStringSubmatchIndex(t); m != nil {
				if v, ok := onlyDate(t[m[2]:m[3]]); ok {
					d.setDate(v, l.n, 3)
					t = strings.TrimSpace(t[:m[0]])
				}
			}
			kept = append(kept, t)
		}
		flush()
	}
	d.introFrom = i
	if len(candidates) > 0 {
		r.Title, r.Lines.Title = candidates[0].text, candidates[0].line
		// A page capture often repeats the title: its <title>, then its h1.
		// The later copy is the document's own heading.
		for _, c := range candidates[1:] {
			if strings.EqualFold(c.text, r.Title) {
				r.Title, r.Lines.Title = c.text, c.line
			}
		}
	}
}

// issueLine is the file line where the issues begin, or a number past the end.
func (d *docState) issueLine() int {
	if d.issueStart < len(d.lines) {
		return d.lines[d.issueStart].n
	}
	return int(^uint(0) >> 1)
}

// dateRank orders the ways a date is stated: a date given with the title (3)
// beats "has today [date] issued" (2), which beats "updated on" (1).
func (d *docState) setDate(v string, line, rank int) {
	if d.dateRank >= rank {
		return
	}
	d.r.Date, d.r.Lines.Date, d.dateRank = v, line, rank
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
	d.readIntroDates(intro)
	d.readArea(intro)
	d.readProgrammeAndKind(intro)
	d.readRatings(intro)
	d.readStatedCount(intro)
	r.Narrative = narrative(intro)
	if d.raw != nil {
		r.NarrativeMarkdown = narrativeMarkdown(intro, d.raw, d.first)
	}
	if len(intro) > 0 {
		r.Lines.Narrative = intro[0].first()
	}
}

func (d *docState) readIntroDates(intro []paragraph) {
	for pi, p := range intro {
		for _, l := range p.lines {
			t := l.text
			if !hasYear(t) || isDateLabel(t) || (pi >= 3 && !containsAny(l.lower, updatedWords)) {
				continue
			}
			for _, loc := range findAllDates(t) {
				v, _ := ParseDate(t[loc[0]:loc[1]])
				if v == "" {
					continue
				}
				before := tail(t[:loc[0]], 80)
				switch {
				case pi < 3 && (todayDate.MatchString(before) || strings.HasSuffix(strings.TrimSpace(before), "[") && strings.HasPrefix(t[loc[1]:], "]")):
					d.setDate(v, l.n, 2)
				case pi < 3 && dateLabel.MatchString(t) && dateLabel.FindString(t) == t[:loc[0]]:
					d.setDate(v, l.n, 3)
				case updatedOn.MatchString(before) && strings.Contains(strings.ToLower(before), "this "):
					d.setDate(v, l.n, 1)
				}
			}
		}
	}
}

// updatedWords must appear on a line for an "updated on" date to be there.
var updatedWords = []string{"updated", "published", "issued", "released"}

// readArea finds the Area in the title, else as "CPS <Area>" in the opening
// paragraphs. A document that names none is about no single Area.
func (d *docState) readArea(intro []paragraph) {
	r := d.r
	if h, ok := d.p.areas.first(r.Title); ok {
		d.setArea(h.owner, r.Lines.Title)
		return
	}
	for i, p := range intro {
		if i >= 3 {
			break
		}
		for _, l := range p.lines {
			for _, h := range d.p.areas.findAll(l.text) {
				if strings.HasSuffix(strings.ToLower(strings.TrimSpace(l.text[:h.start])), "cps") {
					d.setArea(h.owner, l.n)
					return
				}
			}
		}
	}
}

func (d *docState) setArea(i, line int) {
	a := d.p.cfg.Areas[i]
	d.r.Area, d.r.AreaSlug, d.r.Lines.Area = a.Name, a.Slug, line
}

// readProgrammeAndKind matches the configured programmes and kinds against
// the title, then the first paragraph.
func (d *docState) readProgrammeAndKind(intro []paragraph) {
	r := d.r
	texts := []struct {
		text string
		line int
	}{{r.Title, r.Lines.Title}}
	for i, p := range intro {
		if i >= 2 {
			break
		}
		texts = append(texts, struct {
			text string
			line int
		}{p.text(), p.first()})
	}
	r.Programme = "unknown"
	found := false
	for _, t := range texts {
		if found {
			break
		}
		toks := tokens(t.text)
		for _, m := range d.p.programmes.findTokens(toks) {
			pr := d.p.cfg.Programmes[m.group]
			if len(pr.Requires) > 0 && len(d.p.requires[m.group].findTokens(toks)) == 0 {
				continue
			}
			r.Programme, r.Lines.Programme, found = pr.ID, t.line, true
			break
		}
	}
	for _, k := range d.p.cfg.Kinds {
		if k.Default {
			r.Kind = k.Slug
		}
	}
	for _, t := range texts {
		ms := d.p.kinds.find(t.text)
		if len(ms) == 0 {
			continue
		}
		best := ms[0].group
		for _, m := range ms {
			if m.group < best {
				best = m.group
			}
		}
		r.Kind, r.Lines.Kind = d.p.cfg.Kinds[best].Slug, t.line
		break
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
