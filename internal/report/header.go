package report

import (
	"regexp"
	"strings"
)

var trailingDate = regexp.MustCompile(`\s+\[?\(?(\d{1,2}[/.]\d{1,2}[/.]\d{4})\)?\]?$`)

// The ways a date is stated, weakest first: "updated on", beside "today"
// or "published" (or in brackets beside the announcement), in the title,
// in the metadata block under its label.
const (
	dateUpdated = iota + 1
	dateAnnounced
	dateInTitle
	dateLabelled
)

var dateWhy = map[int]string{
	dateUpdated:   `a date after "updated", "published" or "issued" on`,
	dateAnnounced: `a date beside the announcement ("today", "published", "issued"; in brackets)`,
	dateInTitle:   "a date in the title",
	dateLabelled:  "the publication date under its label",
}

type titleCandidate struct {
	text string
	line int
}

// readHeader reads the paragraphs before the first running text: the
// title, the metadata block, and a date stated with either.
func (d *docState) readHeader() {
	r := d.r
	var candidates []titleCandidate
	i := 0
	pendingDateLabel := false
	for ; i < len(d.paras); i++ {
		p := d.paras[i]
		if p.lines[0].n >= d.issueLine() {
			break
		}
		p, meta := d.splitMetadata(p)
		if len(p.lines) == 0 {
			d.block("metadata", meta)
			d.readMetadata(meta)
			continue
		}
		if isBody(p) && !(len(candidates) == 0 && len(p.lines) == 1 && d.metadataAfter(i)) {
			break
		}
		d.block("title", p)
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
				candidates = append(candidates, titleCandidate{title, p.first()})
			} else {
				d.lost("title", title, p.first(), "over 30 words: not a title")
			}
		}
		for _, l := range p.lines {
			t := l.text
			if pendingDateLabel {
				pendingDateLabel = false
				if v, ok := onlyDate(t); ok {
					d.setDate(v, l.n, dateLabelled)
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
				d.setDate(v, l.n, dateLabelled)
				continue
			}
			if m := trailingDate.FindStringSubmatchIndex(t); m != nil {
				if v, ok := onlyDate(t[m[2]:m[3]]); ok {
					d.setDate(v, l.n, dateInTitle)
					t = strings.TrimSpace(t[:m[0]])
				}
			}
			kept = append(kept, t)
		}
		flush()
		if len(meta.lines) > 0 {
			d.block("metadata", meta)
			d.readMetadata(meta)
		}
	}
	d.introFrom = i
	d.chooseTitle(candidates)
	if r.Title == "" {
		d.titleFromBody()
	}
	if v, ok := ParseDate(r.Title); ok {
		d.setDate(v, r.Lines.Title, dateInTitle)
	}
}

// chooseTitle takes the first heading-like candidate. A page capture often
// repeats the title, its <title> then its h1: the later copy is the
// document's own heading.
func (d *docState) chooseTitle(candidates []titleCandidate) {
	r := d.r
	if len(candidates) == 0 {
		return
	}
	r.Title, r.Lines.Title = candidates[0].text, candidates[0].line
	d.chose("title", r.Title, r.Lines.Title, "the first heading-like line after the page chrome")
	for _, c := range candidates[1:] {
		if strings.EqualFold(c.text, r.Title) {
			r.Title, r.Lines.Title = c.text, c.line
			d.chose("title", r.Title, r.Lines.Title, "the same heading again: the document's own copy")
			continue
		}
		d.lost("title", c.text, c.line, "a later heading-like line")
	}
}

// titleFromBody gives a document whose text opens with running text the
// first sentence of it as its title (a press release's headline run into
// its first paragraph), so that a document with text never has none.
func (d *docState) titleFromBody() {
	for _, p := range d.paras {
		t := p.text()
		if t == "" || d.isMetadata(p) {
			continue
		}
		if s := splitSentences(t); len(s) > 0 {
			t = strings.TrimSpace(s[0])
		}
		if words := strings.Fields(t); len(words) > 30 {
			t = strings.Join(words[:30], " ") + "…"
		}
		d.r.Title, d.r.Lines.Title = t, p.first()
		d.chose("title", t, p.first(), "no heading before the running text: its first sentence")
		return
	}
}

// splitMetadata cuts a header paragraph at its metadata block, which runs
// from its first label to its end: a title may stand above it with no
// blank line between.
func (d *docState) splitMetadata(p paragraph) (head, meta paragraph) {
	for k, l := range p.lines {
		if _, _, ok := d.metaLabel(l.text); ok {
			if rest := (paragraph{p.lines[k:]}); d.isMetadata(rest) {
				return paragraph{p.lines[:k]}, rest
			}
			break
		}
	}
	return p, paragraph{}
}

// metadataAfter reports a metadata block as the whole of the paragraph
// after paras[i]: the line above it is then the page's heading, whatever it
// looks like (a long title ending in a full stop reads as a sentence).
func (d *docState) metadataAfter(i int) bool {
	if i+1 >= len(d.paras) || d.paras[i+1].lines[0].n >= d.issueLine() {
		return false
	}
	head, meta := d.splitMetadata(d.paras[i+1])
	return len(head.lines) == 0 && len(meta.lines) > 0
}

// isMetadata reports a block of a page's metadata: short lines, no
// sentences, among them a configured label on its own or as "Label: value".
func (d *docState) isMetadata(p paragraph) bool {
	labels := 0
	for _, l := range p.lines {
		if wordCount(l.text) > 14 || (endsSentence(l.text) && !strings.HasSuffix(l.text, ":")) {
			return false
		}
		if _, _, ok := d.metaLabel(l.text); ok {
			labels++
		}
	}
	return labels > 0 && (len(p.lines) >= 2 || strings.Contains(p.lines[0].text, ":"))
}

// metaLabel splits a metadata line into its label and any value on the
// same line ("Published: 5 May 2022", "Region | Wessex").
func (d *docState) metaLabel(s string) (label, value string, ok bool) {
	if len(s) > maxLabelLen && !strings.ContainsAny(s, ":|") {
		return "", "", false // too long to be a label, and no value beside one
	}
	s = strings.Trim(s, " |")
	if d.p.metaLabels[strings.ToLower(strings.TrimRight(s, " :"))] {
		return strings.TrimRight(s, " :"), "", true
	}
	for _, sep := range []string{":", "|"} {
		if k := strings.Index(s, sep); k > 0 {
			label := strings.TrimSpace(s[:k])
			if d.p.metaLabels[strings.ToLower(label)] {
				return label, strings.Trim(s[k+1:], " |"), true
			}
		}
	}
	return "", "", false
}

// maxLabelLen bounds a metadata label alone on its line, with its
// punctuation and spaces around it.
const maxLabelLen = 64

// readMetadata reads the label and value pairs of a metadata block: the
// publication date and the Area. A label whose next line is another label
// has no value.
func (d *docState) readMetadata(p paragraph) {
	ls := p.lines
	d.metaLines = append(d.metaLines, ls...)
	for i := 0; i < len(ls); i++ {
		label, value, ok := d.metaLabel(ls[i].text)
		if !ok {
			continue
		}
		at := ls[i].n
		if value == "" && i+1 < len(ls) {
			if _, _, next := d.metaLabel(ls[i+1].text); !next {
				value, at = ls[i+1].text, ls[i+1].n
				i++
			}
		}
		lower := strings.ToLower(label)
		switch {
		case isDateLabel(label):
			if v, ok := onlyDate(value); ok {
				d.setDate(v, at, dateLabelled)
			} else if value != "" {
				if d.ex != nil {
					d.lost("date", value, at, "under the label "+label+" but not a full date")
				}
			}
		case d.p.areaLabels[lower]:
			if h, ok := d.p.areas.first(value); ok && h.start == 0 && h.end == len(value) {
				d.metaArea, d.metaAreaLine = h.owner+1, at
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

// setDate keeps the date stated in the strongest way (the date* ranks).
func (d *docState) setDate(v string, line, rank int) {
	if d.dateRank >= rank {
		if v != d.r.Date {
			if d.ex != nil {
				d.lost("date", v, line, dateWhy[rank]+", which ranks below "+dateWhy[d.dateRank])
			}
		}
		return
	}
	d.r.Date, d.r.Lines.Date, d.dateRank = v, line, rank
	d.chose("date", v, line, dateWhy[rank])
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
				case insideQuote(t[:loc[0]]):
					d.lost("date", v, l.n, "inside quotation marks: the title of another document")
				case pi < 3 && (todayDate.MatchString(before) || bracketed(t, loc) && announced(t[:loc[0]])):
					d.setDate(v, l.n, dateAnnounced)
				case pi < 3 && dateLabel.MatchString(t) && dateLabel.FindString(t) == t[:loc[0]]:
					d.setDate(v, l.n, dateLabelled)
				case updatedOn.MatchString(before) && strings.Contains(strings.ToLower(before), "this "):
					d.setDate(v, l.n, dateUpdated)
				default:
					d.lost("date", v, l.n, "a date in the text, not stated as the publication date")
				}
			}
		}
	}
}

// bracketed reports a date standing in brackets or parentheses.
func bracketed(t string, loc []int) bool {
	before := strings.TrimRight(t[:loc[0]], " ")
	after := strings.TrimLeft(t[loc[1]:], " ")
	return (strings.HasSuffix(before, "[") || strings.HasSuffix(before, "(")) &&
		(strings.HasPrefix(after, "]") || strings.HasPrefix(after, ")"))
}

var announcedBy = regexp.MustCompile(`(?i)\b(?:today|published|issued|released|publishe[sd]|issues)\b`)

// announced reports a sentence announcing the publication before the date.
func announced(before string) bool {
	if k := strings.LastIndexAny(before, ".!?"); k >= 0 {
		before = before[k+1:]
	}
	return announcedBy.MatchString(before)
}

// insideQuote reports whether an opening quotation mark before the end of
// s is still open.
func insideQuote(s string) bool {
	return strings.Count(s, "“") > strings.Count(s, "”") || strings.Count(s, `"`)%2 == 1
}

// updatedWords must appear on a line for an "updated on" date to be there.
var updatedWords = []string{"updated", "published", "issued", "released"}
