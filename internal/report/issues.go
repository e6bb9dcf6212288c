package report

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

var (
	coverNumbers = regexp.MustCompile(`\d+`)
	jointWith    = regexp.MustCompile(`(?i)\bjoint(?:ly)?\s+(?:response\s+)?with\b(.*)`)
)

// issueBuilder collects one issue's text and response paragraphs.
type issueBuilder struct {
	issue    Issue
	text     []string // paragraphs
	response *responseBuilder
}

type responseBuilder struct {
	paras  []string
	cur    []string
	covers []int
	joint  []string
	line   int
}

func (rb *responseBuilder) add(text string) {
	if text != "" {
		rb.cur = append(rb.cur, text)
	}
}

func (rb *responseBuilder) breakPara() {
	if len(rb.cur) > 0 {
		rb.paras = append(rb.paras, strings.Join(rb.cur, " "))
		rb.cur = nil
	}
}

// readIssues walks the lines after the issues heading: a numbered item
// starts an issue; a response label starts the response to the issues
// listed since the last response (or to those it names, "to 1 & 3"); other
// lines continue whichever of the two is open.
func (d *docState) readIssues() {
	if d.issueStart >= len(d.lines) {
		return
	}
	var issues []*issueBuilder
	byNumber := map[int]*issueBuilder{}
	var pending []*issueBuilder
	var resp *responseBuilder
	var cur *issueBuilder
	inText := false
	useBullets := !d.hasNumberedItems()
	lines := d.lines[d.issueStart:]
	// A list with neither numbers nor bullets holds unnumbered issues, each
	// a paragraph that a response label follows.
	unnumbered := useBullets && !d.hasBullets()
	for li, l := range lines {
		if l.text == "" {
			if resp != nil {
				resp.breakPara()
			}
			continue
		}
		if unnumbered && li > 0 && d.unnumberedIssueAt(lines[li:], 0) && (li == 1 || lines[li-1].text == "") {
			cur = &issueBuilder{issue: Issue{Number: len(issues) + 1, Line: l.n}, text: []string{l.text}}
			issues = append(issues, cur)
			if resp != nil {
				resp.breakPara()
				resp = nil
			}
			pending = []*issueBuilder{cur}
			inText = true
			continue
		}
		n, rest, isItem := d.p.numberedItem(l.text)
		if isItem && n == 0 {
			n = len(issues) + 1 // an unnumbered labelled item: the next
		}
		if useBullets && l.bullet {
			n, rest, isItem = len(issues)+1, l.text, true
		}
		if isItem && resp != nil && byNumber[n] != nil && !d.responseFollows(lines[li+1:]) {
			isItem = false // a numbered list inside a response
		}
		if isItem {
			if prev := byNumber[n]; prev != nil {
				d.warn(l.n, "issue %d is numbered again (first at line %d)", n, prev.issue.Line)
			}
			cur = &issueBuilder{issue: Issue{Number: n, Line: l.n}}
			cur.text = []string{rest}
			issues = append(issues, cur)
			if byNumber[n] == nil {
				byNumber[n] = cur
			}
			if resp != nil {
				resp.breakPara()
				resp = nil
				pending = nil
			}
			pending = append(pending, cur)
			inText = true
			continue
		}
		if m := d.responseLabel(l.text); m != nil && len(issues) > 0 {
			resp = &responseBuilder{line: l.n}
			label := m[1] + " " + m[2]
			resp.joint = d.jointAreas(label)
			targets := pending
			if nums := explicitCovers(m[1]); len(nums) > 0 {
				targets = nil
				for _, k := range nums {
					if ib := byNumber[k]; ib != nil {
						targets = append(targets, ib)
					} else {
						d.warn(l.n, "the response names issue %d, which is not listed", k)
					}
				}
			}
			if len(targets) == 0 {
				targets = []*issueBuilder{issues[len(issues)-1]}
			}
			for _, t := range targets {
				resp.covers = append(resp.covers, t.issue.Number)
				if t.response != nil {
					d.warn(l.n, "issue %d already has a response (line %d); this one replaces it", t.issue.Number, t.response.line)
				}
				t.response = resp
			}
			resp.add(m[3])
			pending = nil
			inText = false
			continue
		}
		switch {
		case resp != nil:
			resp.add(l.text)
		case inText && cur != nil:
			cur.text = append(cur.text, l.text)
		}
	}
	if resp != nil {
		resp.breakPara()
	}
	for _, ib := range issues {
		d.r.Issues = append(d.r.Issues, ib.finish())
	}
}

// responseFollows reports whether a response label comes before the next
// numbered line: then a repeated number is a new issue, not a list item.
func (d *docState) responseFollows(rest []line) bool {
	for _, l := range rest {
		if d.responseLabel(l.text) != nil {
			return true
		}
		if _, _, ok := d.p.numberedItem(l.text); ok {
			return false
		}
	}
	return false
}

// responseLabel matches a response label line, or returns nil: the whole
// line, what the label says it covers, a parenthesis after its colon, and
// the text after it. The pattern stops at the label; the text is the rest
// of the line, so a long first paragraph costs no matching.
func (d *docState) responseLabel(s string) []string {
	if !d.p.mayBeResponse(s) {
		return nil
	}
	loc := d.p.response.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil
	}
	sub := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	return []string{s, sub(1), sub(2), strings.TrimLeft(s[loc[1]:], " \t\n\f\r")}
}

func (d *docState) hasBullets() bool {
	for _, l := range d.lines[d.issueStart:] {
		if l.bullet {
			return true
		}
	}
	return false
}

func (d *docState) hasNumberedItems() bool {
	for _, l := range d.lines[d.issueStart:] {
		if _, _, ok := d.p.numberedItem(l.text); ok {
			return true
		}
	}
	return false
}

// jointAreas reads "(joint with CPS London North)" in a response label.
func (d *docState) jointAreas(label string) []string {
	m := jointWith.FindStringSubmatch(label)
	if m == nil {
		return nil
	}
	var out []string
	for _, h := range d.p.areas.findAll(m[1]) {
		name := d.p.cfg.Areas[h.owner].Name
		if name != d.r.Area && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func (ib *issueBuilder) finish() Issue {
	is := ib.issue
	is.Text = fold(strings.Join(ib.text, " "))
	is.ResponseCovers = []int{is.Number}
	is.JointWith = []string{}
	if rb := ib.response; rb != nil {
		for i, p := range rb.paras {
			rb.paras[i] = fold(p)
		}
		is.ResponseParagraphs = rb.paras
		is.Response = strings.Join(rb.paras, " ")
		is.ResponseLine = rb.line
		covers := append([]int(nil), rb.covers...)
		sort.Ints(covers)
		is.ResponseCovers = covers
		if rb.joint != nil {
			is.JointWith = rb.joint
		}
	}
	return is
}
