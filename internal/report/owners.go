package report

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceWord is a word of a sentence, for finding owners and verbs: its text as written,
// in lower case without a possessive "'s", and where it is.
type sentenceWord struct {
	text, lower string
	possessive  bool
	start, end  int // byte offsets in the text it was read from
}

// sentenceWords splits s into words: letters, digits, inner apostrophes and
// hyphens, and "&" on its own.
//
// Text in ASCII, as most is, is read byte by byte and lower-cased once as a
// whole, each word's lower case a part of it: decoding every rune and
// lower-casing word by word cost the commitment reader a fifth of its time
// (BenchmarkParse, BenchmarkParseGenerated).
func sentenceWords(s string) []sentenceWord {
	return appendSentenceWords(make([]sentenceWord, 0, len(s)/6+1), s, "")
}

// appendSentenceWords appends the words of s to out. lower is s in lower
// case, or "" to have it made here when it is needed; a reader of many
// sentences reuses one slice, as making one for each cost a tenth of the
// commitment reader's time (BenchmarkReadCommitments).
func appendSentenceWords(out []sentenceWord, s, lower string) []sentenceWord {
	if isASCII(s) {
		if lower == "" {
			lower = strings.ToLower(s)
		}
		return appendASCIIWords(out, s, lower)
	}
	i := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		if r == '&' {
			out = append(out, sentenceWord{text: "&", lower: "&", start: i, end: i + n})
			i += n
			continue
		}
		if !sentenceRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := runeAt(s, j)
			if sentenceRune(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				if j+n2 < len(s) {
					if r3, _ := runeAt(s, j+n2); sentenceRune(r3) {
						j += n2
						continue
					}
				}
			}
			break
		}
		w := sentenceWord{text: s[i:j], lower: strings.ToLower(s[i:j]), start: i, end: j}
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(w.lower, suf) {
				w.lower, w.possessive = strings.TrimSuffix(w.lower, suf), true
			}
		}
		out = append(out, w)
		i = j
	}
	return out
}

// appendASCIIWords is appendSentenceWords for s in ASCII, whose lower case
// is lower: byte by byte, with no rune to decode and no possessive but
// "'s" to look for, it takes half the time (BenchmarkSentenceWords).
func appendASCIIWords(out []sentenceWord, s, lower string) []sentenceWord {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '&' {
			out = append(out, sentenceWord{text: "&", lower: "&", start: i, end: i + 1})
			i++
			continue
		}
		if !isAlnum(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (isAlnum(s[j]) || (s[j] == '\'' || s[j] == '-') && j+1 < len(s) && isAlnum(s[j+1])) {
			j++
		}
		w := sentenceWord{text: s[i:j], lower: lower[i:j], start: i, end: j}
		if strings.HasSuffix(w.lower, "'s") {
			w.lower, w.possessive = w.lower[:len(w.lower)-2], true
		}
		out = append(out, w)
		i = j
	}
	return out
}

// runeAt decodes the rune at s[i], an ASCII byte without a call.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nameList finds names from a closed list (roles, other parties) in words.
// A name matches whole words, any case, its last word also in the plural;
// but a capitalised word of a name must be capitalised in the text too,
// unless it opens a name of several words ("Legal managers" finds "legal
// managers"; "the Area" does not find "the area of").
type nameList struct {
	// byFirst holds the names by their first word in lower case, most
	// words first; a one-word name also under its plural forms.
	byFirst map[string][]listedName
}

type listedName struct {
	words []string // as configured
	lower []string
	owner int
}

func newNameList() *nameList { return &nameList{byFirst: map[string][]listedName{}} }

func (nl *nameList) add(name string, owner int) {
	ws := sentenceWords(name)
	if len(ws) == 0 {
		return
	}
	n := listedName{owner: owner}
	for _, w := range ws {
		n.words = append(n.words, w.text)
		n.lower = append(n.lower, strings.ToLower(w.text))
	}
	keys := []string{n.lower[0]}
	if len(ws) == 1 {
		keys = append(keys, n.lower[0]+"s", n.lower[0]+"es")
	}
	for _, k := range keys {
		list := append(nl.byFirst[k], n)
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		nl.byFirst[k] = list
	}
}

// nameHit is one name found: its owner and the words it spans.
type nameHit struct {
	owner      int
	from, to   int // word indexes, to exclusive
	possessive bool
}

// find returns the names in ws, left to right, the longest at a place; a
// name that a longer one overlaps gives way to it ("the Area" in "the Area
// Strategy Board").
func (nl *nameList) find(ws []sentenceWord) []nameHit {
	var out []nameHit
	for i := 0; i < len(ws); {
		n := nl.longestAt(ws, i)
		if n == 0 {
			i++
			continue
		}
		overlapped := false
		for k := i + 1; k < i+n; k++ {
			if m := nl.longestAt(ws, k); k+m > i+n {
				overlapped = true
				break
			}
		}
		if overlapped {
			i++
			continue
		}
		name := nl.at(ws, i)
		out = append(out, nameHit{name.owner, i, i + n, ws[i+n-1].possessive})
		i += n
	}
	return out
}

// longestAt is the number of words of the longest name at ws[i], or 0.
func (nl *nameList) longestAt(ws []sentenceWord, i int) int {
	return len(nl.at(ws, i).words)
}

// at is the longest name at ws[i]; it has no words when none is there.
func (nl *nameList) at(ws []sentenceWord, i int) listedName {
	for _, n := range nl.byFirst[ws[i].lower] {
		if n.matchesAt(ws, i) {
			return n
		}
	}
	return listedName{}
}

func (n listedName) matchesAt(ws []sentenceWord, i int) bool {
	if i+len(n.words) > len(ws) {
		return false
	}
	for k, nw := range n.words {
		w := ws[i+k]
		if k < len(n.words)-1 && w.possessive {
			return false
		}
		lw := n.lower[k]
		if w.lower != lw && (k < len(n.words)-1 || (w.lower != lw+"s" && w.lower != lw+"es")) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(nw); unicode.IsUpper(r) && (k > 0 || len(n.words) == 1) {
			if r2, _ := utf8.DecodeRuneInString(w.text); !unicode.IsUpper(r2) {
				return false
			}
		}
	}
	return true
}

func sentenceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
