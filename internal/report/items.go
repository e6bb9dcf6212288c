package report

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ordinals are the numbers issue labels spell out ("Recommendation Two:").
var ordinals = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10}

// issueLabelPattern matches a line that states one issue by a configured
// label: an optional word before it ("HMCPSI recommendation:"), then a
// number, a spelt number or none, then the text. A spelt number or none
// needs a separator after it, so that a sentence opening "Recommendations
// were made" is no issue. The submatches are the number, the spelt number
// and the text.
func issueLabelPattern(labels []string) *regexp.Regexp {
	if len(labels) == 0 {
		return regexp.MustCompile(`\b\B`) // matches nothing
	}
	alts := make([]string, len(labels))
	for i, l := range labels {
		alts[i] = spacedPattern(l) + `s?`
	}
	words := make([]string, 0, len(ordinals))
	for w := range ordinals {
		words = append(words, w)
	}
	sortLongestFirst(words)
	label := `(?:[\p{L}’']{1,40} )?(?:` + strings.Join(alts, "|") + `)`
	return regexp.MustCompile(`(?i)^` + label + `(?:\s+(?:no\.?\s*)?(\d{1,5})\b\s*[:.)\-–—]?|\s+(` + strings.Join(words, "|") + `)\s*[:.)\-–—]|\s*:)\s*(.*)$`)
}

func sortLongestFirst(ws []string) {
	slices.SortFunc(ws, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
}

var numbered = regexp.MustCompile(`^\(?(\d{1,5})\s*[.)]\s*(\S.*)$`)

// matchNumbered is numbered.FindStringSubmatch(s) read by hand, its number
// and text: every line that opens with a digit, a date too, ran the
// pattern (BenchmarkParse).
func matchNumbered(s string) (num, rest string, ok bool) {
	i := 0
	if i < len(s) && s[i] == '(' {
		i++
	}
	j := i
	for j < len(s) && j-i < 5 && isDigit(s[j]) {
		j++
	}
	if j == i || j < len(s) && isDigit(s[j]) {
		return "", "", false // no number, or one of six digits or more
	}
	k := skipSpaceRE(s, j)
	if k == len(s) || s[k] != '.' && s[k] != ')' {
		return "", "", false
	}
	k = skipSpaceRE(s, k+1)
	// (\S.*)$: a byte that is no space, and no newline to the end.
	if k == len(s) || strings.IndexByte(s[k:], '\n') >= 0 {
		return "", "", false
	}
	return s[i:j], s[k:], true
}

func skipSpaceRE(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// numberedItem reads "1. text", "1) text", "(1) text", or a labelled item:
// "Issue 1: text", "Recommendation Two: text", and "HMCPSI recommendation:
// text", which has no number (n is 0: the next one). The label and number
// are not part of the text.
func (p *Parser) numberedItem(s string) (n int, text string, ok bool) {
	if s == "" {
		return 0, "", false
	}
	if c := s[0]; c == '(' || '0' <= c && c <= '9' {
		num, rest, ok := matchNumbered(s)
		if !ok {
			return 0, "", false
		}
		n, err := strconv.Atoi(num)
		if err != nil || n == 0 {
			return 0, "", false
		}
		return n, p.withoutIssueLabel(rest), true
	}
	if !p.mayBeIssueLabel(s) {
		return 0, "", false
	}
	m := p.issueLabel.FindStringSubmatch(s)
	if m == nil || strings.TrimSpace(m[3]) == "" {
		return 0, "", false
	}
	switch {
	case m[1] != "":
		if n, _ = strconv.Atoi(m[1]); n == 0 {
			return 0, "", false
		}
	case m[2] != "":
		n = ordinals[strings.ToLower(m[2])]
	}
	return n, m[3], true
}

// withoutIssueLabel drops an issue label with its own number or spelt
// number and a separator from the start of a numbered item's text ("1.
// Recommendation Two: By July 2023 ..."): the label names the issue, it is
// not what the issue says.
func (p *Parser) withoutIssueLabel(s string) string {
	if !p.mayBeIssueLabel(s) {
		return s
	}
	m := p.issueLabel.FindStringSubmatch(s)
	if m == nil || m[1] == "" && m[2] == "" || strings.TrimSpace(m[3]) == "" {
		return s
	}
	if !strings.ContainsAny(s[:len(s)-len(m[3])], ":.)-–—") {
		return s
	}
	return m[3]
}

// coverRange is "1-3", "1 to 3" or "1–3" in a response label.
var coverRange = regexp.MustCompile(`(\d+)\s*(?:-|–|—|to)\s*(\d+)`)

// explicitCovers reads the issues a response label names: "to 1 & 3",
// "to recommendations 1-3".
func explicitCovers(label string) []int {
	to := strings.Index(strings.ToLower(label), "to ")
	if to < 0 {
		return nil
	}
	rest := label[to:]
	var out []int
	for _, loc := range coverRange.FindAllStringSubmatchIndex(rest, -1) {
		a, _ := strconv.Atoi(rest[loc[2]:loc[3]])
		b, _ := strconv.Atoi(rest[loc[4]:loc[5]])
		if b < a || b-a > 50 {
			continue
		}
		for k := a; k <= b; k++ {
			out = append(out, k)
		}
		rest = rest[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + rest[loc[1]:]
	}
	for _, s := range coverNumbers.FindAllString(rest, -1) {
		n, _ := strconv.Atoi(s)
		out = append(out, n)
	}
	return out
}

// mayBeIssueLabel reports whether an issue label's first word can begin s
// where issueLabel looks for it: at the start, or after the first word and
// one space.
func (p *Parser) mayBeIssueLabel(s string) bool {
	if p.labelAt(s) {
		return true
	}
	i := strings.IndexByte(s, ' ')
	return i > 0 && p.labelAt(s[i+1:])
}

// labelAt reports whether s begins with an issue label's words, in any
// case, with any run of spaces or hyphens between them, as the pattern
// reads them.
func (p *Parser) labelAt(s string) bool {
	for _, words := range p.issueLabelWords {
		rest, ok := s, true
		for i, w := range words {
			if i > 0 {
				n := len(rest) - len(strings.TrimLeft(rest, " \t\n\r\f\v-"))
				if n == 0 {
					ok = false
					break
				}
				rest = rest[n:]
			}
			if len(rest) < len(w) || !strings.EqualFold(rest[:len(w)], w) {
				ok = false
				break
			}
			rest = rest[len(w):]
		}
		if ok {
			return true
		}
	}
	return false
}
