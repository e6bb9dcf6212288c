package report

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// responseUnits splits a response into sentences. A paragraph that stops
// without a full stop and is continued in lower case by the next (a line
// broken in the middle of a sentence) is read as one with it.
func responseUnits(paras []string) []string {
	var joined []string
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if n := len(joined); n > 0 {
			prev := joined[n-1]
			r, _ := utf8.DecodeRuneInString(p)
			if !strings.ContainsAny(prev[len(prev)-1:], ".!?:;") && unicode.IsLower(r) {
				joined[n-1] = prev + " " + p
				continue
			}
		}
		joined = append(joined, p)
	}
	var out []string
	for _, p := range joined {
		out = append(out, responseSentences(p)...)
	}
	return out
}

// responseSentences cuts a paragraph after ".", "!" or "?" followed by a space
// and a capital, digit or quotation mark, except after an abbreviation.
func responseSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == ')' || p[j] == '\'') {
			j++
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘(", r) {
			continue
		}
		if c == '.' && endsWithAbbreviation(p[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// endsWithAbbreviation reports whether s ends with a word that a full stop
// abbreviates ("e.g", "Mr", a lone initial).
func endsWithAbbreviation(s string) bool {
	i := strings.LastIndexAny(s, " (") + 1
	w := strings.ToLower(s[i:])
	switch w {
	case "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "st", "vs", "cf", "approx", "inc", "ltd", "para", "paras":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

// lineLocator finds the source line of a sentence of a response: it
// compares letters and digits only, so markdown, line breaks and folded
// spaces do not matter. One indexes a whole document.
type lineLocator struct {
	stream    []byte // lower-case letters and digits of the text
	lineStart []int  // where each line (from 1) starts in stream
	key       []byte
}

func newLineLocator(text string) *lineLocator { return indexLines(&lineLocator{}, text) }

// indexLines makes loc index text, reusing its slices: readCommitments
// keeps one locator for all the documents of a build (lineLocators), as
// making a stream as long as each document was a twentieth of the bytes
// Parse allocates (BenchmarkParseGenerated).
func indexLines(loc *lineLocator, text string) *lineLocator {
	lines := 2 + strings.Count(text, "\n")
	if cap(loc.lineStart) < lines {
		loc.lineStart = make([]int, 0, lines)
	}
	loc.lineStart = append(loc.lineStart[:0], 0, 0)
	// ASCII is read byte by byte into a buffer as long as the text, which
	// it cannot outgrow; decoding every rune, and appending every byte,
	// cost three times as much (BenchmarkReadCommitments).
	stream := loc.stream[:0]
	if cap(stream) < len(text) {
		stream = make([]byte, len(text))
	}
	stream = stream[:len(text)]
	n := 0
	for i := 0; i < len(text); {
		if c := lowerAlnum[text[i]]; c != 0 {
			stream[n] = c
			n++
			i++
			continue
		}
		if c := text[i]; c < utf8.RuneSelf {
			if c == '\n' {
				loc.lineStart = append(loc.lineStart, n)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			stream = utf8.AppendRune(stream[:n], unicode.ToLower(r))
			n = len(stream)
			// The lower case of a rune may be longer than the rune:
			// keep room for the rest of the text.
			if need := n + len(text) - i; cap(stream) < need {
				stream = append(stream, make([]byte, need-n)...)
			}
			stream = stream[:cap(stream)]
		}
	}
	loc.stream = stream[:n]
	return loc
}

// lowerAlnum maps an ASCII letter or digit to its lower case, any other
// byte to 0.
var lowerAlnum = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// lineOf is the line holding byte i of stream.
func (loc *lineLocator) lineOf(i int) int {
	return sort.Search(len(loc.lineStart), func(k int) bool { return loc.lineStart[k] > i }) - 1
}

// find returns the line where sentence starts, looking from line from on
// (sentences come in order), or from itself when it cannot be found.
func (loc *lineLocator) find(sentence string, from int) int {
	loc.setKey(sentence)
	if len(loc.key) == 0 || from < 1 || from >= len(loc.lineStart) {
		return from
	}
	start := loc.lineStart[from]
	if i := bytes.Index(loc.stream[start:], loc.key); i >= 0 {
		return loc.lineOf(start + i)
	}
	return from
}

// setKey makes loc.key the first 40 bytes (or a few more, to end a rune) of
// the sentence's letters and digits in lower case, as the stream holds
// them. ASCII is read through lowerAlnum, as indexLines reads it: decoding
// every rune took half of find's time (BenchmarkReadCommitments).
func (loc *lineLocator) setKey(sentence string) {
	loc.key = loc.key[:0]
	for i := 0; i < len(sentence) && len(loc.key) < 40; {
		if c := sentence[i]; c < utf8.RuneSelf {
			if l := lowerAlnum[c]; l != 0 {
				loc.key = append(loc.key, l)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(sentence[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			loc.key = utf8.AppendRune(loc.key, unicode.ToLower(r))
		}
	}
}
