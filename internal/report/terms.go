package report

import (
	"strings"
	"unicode"
)

// termSet finds which of a list of terms occur in a text, by whole words,
// case-insensitively. A term's last word may end in "*" to match any ending.
// It tokenises the text once and looks up each word, so its cost does not
// grow with the number of terms.
type termSet struct {
	byFirst  map[string][]term // terms whose first word is exact
	byPrefix map[string][]term // one-word terms ending in *
	maxStem  int
}

type term struct {
	label string   // as written in site.toml
	group int      // index of the owner (a theme, a kind, ...)
	words []string // normalised words
	wild  bool     // last word is a prefix
}

func newTermSet() *termSet {
	return &termSet{byFirst: map[string][]term{}, byPrefix: map[string][]term{}}
}

func (ts *termSet) add(label string, group int) {
	raw := strings.TrimSpace(label)
	wild := strings.HasSuffix(raw, "*")
	words := tokens(strings.TrimSuffix(raw, "*"))
	if len(words) == 0 {
		return
	}
	t := term{label: raw, group: group, words: words, wild: wild}
	if wild && len(words) == 1 {
		ts.byPrefix[words[0]] = append(ts.byPrefix[words[0]], t)
		if len(words[0]) > ts.maxStem {
			ts.maxStem = len(words[0])
		}
		return
	}
	ts.byFirst[words[0]] = append(ts.byFirst[words[0]], t)
}

// match is one term found in a text; pos is the index of its first word.
type match struct {
	term
	pos int
}

// find returns every term occurrence in text, in text order.
func (ts *termSet) find(text string) []match {
	return ts.findTokens(tokens(text))
}

func (ts *termSet) findTokens(toks []string) []match {
	var out []match
	for i, w := range toks {
		for _, t := range ts.byFirst[w] {
			if t.matchesAt(toks, i) {
				out = append(out, match{t, i})
			}
		}
		if len(ts.byPrefix) > 0 {
			for n := 1; n <= len(w) && n <= ts.maxStem; n++ {
				for _, t := range ts.byPrefix[w[:n]] {
					out = append(out, match{t, i})
				}
			}
		}
	}
	return out
}

func (t term) matchesAt(toks []string, i int) bool {
	if i+len(t.words) > len(toks) {
		return false
	}
	last := len(t.words) - 1
	for j, w := range t.words {
		got := toks[i+j]
		if j == last && t.wild {
			if !strings.HasPrefix(got, w) {
				return false
			}
		} else if got != w {
			return false
		}
	}
	return true
}

// tokens lower-cases s and splits it into words of letters and digits.
// Apostrophes inside a word are dropped ("Director's" → "directors"), so a
// term and a text written with either apostrophe compare equal.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘':
			// dropped; a word continues across it
		default:
			flush()
		}
	}
	flush()
	return out
}
