package report

// The reader's parts as they were before they were made faster, kept to
// check that the fast ones give the same results: on every sentence of
// the test documents' responses (TestFastPartsMatchReference) and on any
// text (FuzzFastParts).

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/corpus"
)

func sentenceRuneRef(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sentenceWords splits s into words: letters, digits, inner apostrophes and
// hyphens, and "&" on its own.
func sentenceWordsRef(s string) []sentenceWord {
	out := make([]sentenceWord, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '&' {
			out = append(out, sentenceWord{text: "&", lower: "&", start: i, end: i + n})
			i += n
			continue
		}
		if !sentenceRuneRef(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if sentenceRuneRef(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && sentenceRuneRef(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := sentenceWord{text: s[i:j], start: i, end: j}
		w.lower = strings.ToLower(w.text)
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

var clauseOpenersRef = []struct {
	sep      string
	relative bool
}{
	{"; ", false}, {", but ", false}, {" but ", false}, {", while ", false}, {", whilst ", false},
	{", which ", true}, {" which ", true},
	// "that" opens a relative clause when a verb follows it at once
	// ("issues that will be addressed"); before a subject it only joins.
	{" that will ", true}, {" that has ", true}, {" that have ", true}, {" that are ", true}, {" that is ", true}, {" whereby ", true}, {" in which ", true}, {", who ", true}, {" who ", true},
}

// splitClauses cuts sentence s, whose words are ws, into clauses.
func splitClausesRef(s string, ws []sentenceWord) []clauseSpan {
	type cut struct {
		at, skip int
		relative bool
	}
	var cuts []cut
	lower := strings.ToLower(s)
	for _, op := range clauseOpenersRef {
		for from := 0; ; {
			i := strings.Index(lower[from:], op.sep)
			if i < 0 {
				break
			}
			i += from
			skip := len(op.sep)
			if strings.HasPrefix(op.sep, " that ") {
				skip = len(" that ") // the verb stays in the clause
			}
			cuts = append(cuts, cut{i, skip, op.relative})
			from = i + len(op.sep)
		}
	}
	// " and " between two clauses that each have a verb of their own.
	for from := 0; ; {
		i := strings.Index(lower[from:], " and ")
		if i < 0 {
			break
		}
		i += from
		left, right := wordsIn(ws, lastCut(lower, i), i), wordsIn(ws, i+5, nextCut(lower, i+5))
		if hasVerbMarker(left) && hasVerbMarker(right) {
			cuts = append(cuts, cut{i, 5, false})
		}
		from = i + 5
	}
	sortCuts := func() {
		for i := 1; i < len(cuts); i++ {
			for j := i; j > 0 && cuts[j].at < cuts[j-1].at; j-- {
				cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
			}
		}
	}
	sortCuts()
	var out []clauseSpan
	start, rel := 0, false
	for _, c := range cuts {
		if c.at < start {
			continue // overlapping openers: ", which " and " which "
		}
		out = append(out, clauseSpan{start, c.at, rel})
		start, rel = c.at+c.skip, c.relative
	}
	return append(out, clauseSpan{start, len(s), rel})
}

// tfHintsRef is tfHintsOf as readTimeframe once tested its gates.
func tfHintsRef(text string) uint8 {
	lower := strings.ToLower(text)
	var gates uint8
	if mentions(lower, []string{"week", "month", "year"}) {
		gates |= tfUnits
	}
	if mentions(lower, []string{"next", "coming", "following"}) {
		gates |= tfAfter
	}
	if strings.Contains(lower, "within") {
		gates |= tfWithinWord
	}
	if mentions(lower, []string{"this", "next", "current", "coming"}) {
		gates |= tfWhich
	}
	if mentions(lower, []string{"shortly", "due course", "soon", "near future", " term", "imminently", "coming", "next few"}) {
		gates |= tfVagueWord
	}
	return gates
}

// appendTokensRef is appendTokens lower-casing each word on its own.
func appendTokensRef(out []string, s string) []string {
	for i := 0; i < len(s); {
		j, simple, upper := wordEnd(s, i)
		if j == i {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		w := s[i:j]
		switch {
		case !simple:
			w = slowToken(w)
		case upper:
			w = strings.ToLower(w)
		}
		if w != "" {
			out = append(out, w)
		}
		i = j
	}
	return out
}

func readTimeframeRef(text, date string, done bool) Timeframe {
	best, bestAt := Timeframe{}, len(text)+1
	lower := strings.ToLower(text)
	// Each form needs a word that most sentences lack: a cheap look for it
	// spares running the pattern.
	years := firstYear(text)
	from := 0 // where the patterns start looking
	try := func(re *regexp.Regexp, read func(m []string, written string) (Timeframe, bool)) {
		for _, loc := range re.FindAllStringSubmatchIndex(text[from:], -1) {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += from
				}
			}
			if loc[0] >= bestAt {
				return
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			written := strings.TrimSpace(text[loc[0]:loc[1]])
			if tf, ok := read(m, written); ok {
				best, bestAt = tf, loc[0]
				return
			}
		}
	}
	if years >= 0 {
		// What opens a dated timeframe stands a few words before its
		// year: the patterns need not try every place before that.
		from = max(0, years-60)
		for from > 0 && text[from-1] != ' ' {
			from-- // start at a word, so that \b means what it says
		}
		tryDatedRef(try)
		from = 0
	}
	if mentions(text, tfMonthStems) { // a month with no year is capitalised
		try(tfBareMonth, func(m []string, w string) (Timeframe, bool) { return readBareMonth(m, w, date, done) })
	}
	units := mentions(lower, []string{"week", "month", "year"})
	if units && mentions(lower, []string{"next", "coming", "following"}) {
		try(tfDuration, readSpan(date))
	}
	if units && strings.Contains(lower, "within") {
		try(tfWithin, readSpan(date))
	}
	if units && mentions(lower, []string{"this", "next", "current", "coming"}) {
		try(tfCalendar, func(m []string, w string) (Timeframe, bool) { return readCalendar(m, w, date) })
	}
	if mentions(lower, []string{"shortly", "due course", "soon", "near future", " term", "imminently", "coming", "next few"}) {
		try(tfVague, func(m []string, w string) (Timeframe, bool) { return Timeframe{Written: w}, true })
	}
	return best
}

type tryFuncRef func(re *regexp.Regexp, read func(m []string, written string) (Timeframe, bool))

func tryDatedRef(try tryFuncRef) {
	try(tfBusinessYear, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[1])
		next, _ := strconv.Atoi(m[2])
		if (y+1)%100 != next {
			return Timeframe{}, false // "2018-04" is a month, "1998/2" nothing
		}
		return Timeframe{Written: w, Read: fmt.Sprintf("%04d-04/%04d-03", y, y+1), Due: fmt.Sprintf("%04d-03-31", y+1)}, true
	})
	try(tfDay, func(m []string, w string) (Timeframe, bool) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		mo := tfMonthNumber[strings.ToLower(m[2])[:3]]
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return Timeframe{}, false
		}
		day := t.Format("2006-01-02")
		return Timeframe{Written: w, Read: day, Due: openEnded(w, day)}, true
	})
	try(tfMonth, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[2])
		mo := tfMonthNumber[strings.ToLower(m[1])[:3]]
		return Timeframe{Written: w, Read: fmt.Sprintf("%04d-%02d", y, mo), Due: openEnded(w, lastDay(y, mo))}, true
	})
	try(tfYearOnly, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[1])
		return Timeframe{Written: w, Read: m[1], Due: openEnded(w, fmt.Sprintf("%04d-12-31", y))}, true
	})
}

func newLineLocatorRef(text string) *lineLocator {
	loc := &lineLocator{stream: make([]byte, 0, len(text)), lineStart: []int{0, 0}}
	for _, r := range text {
		switch {
		case r == '\n':
			loc.lineStart = append(loc.lineStart, len(loc.stream))
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				loc.stream = append(loc.stream, byte(r))
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			loc.stream = utf8.AppendRune(loc.stream, unicode.ToLower(r))
		}
	}
	return loc
}

func foldRef(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' || c == '\f' || c >= 0x80 || (c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ')) {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// termMatchesRef is termSet.appendMatches(nil, toks) looking each word up
// in byFirst, as it once did.
func termMatchesRef(ts *termSet, toks []string) []match {
	var out []match
	for i, w := range toks {
		for _, t := range ts.byFirst[w] {
			if t.matchesAt(toks, i) {
				out = append(out, match{t, t.group, i})
			}
		}
		for _, stem := range ts.stems[w[0]] {
			if strings.HasPrefix(w, stem) {
				for _, t := range ts.byPrefix[stem] {
					if t.matchesAt(toks, i) {
						out = append(out, match{t, t.group, i})
					}
				}
			}
		}
	}
	return out
}

// mayHideRef is mayHide a byte at a time.
func mayHideRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xC2 || c == 0xD8 || c == 0xE1 || c == 0xE2 || c == 0xEF {
			return true
		}
	}
	return false
}

// lineKeyRef is the key lineLocator.find looked for, as it once made it.
func lineKeyRef(sentence string) []byte {
	var key []byte
	for _, r := range sentence {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			key = utf8.AppendRune(key, unicode.ToLower(r))
			if len(key) >= 40 {
				break
			}
		}
	}
	return key
}

// checkLineLocator compares the fast line index with the reference.
func checkLineLocator(t *testing.T, text string) {
	t.Helper()
	for _, l := range append(strings.Split(text, "\n"), text) {
		if got, want := fold(l), foldRef(l); got != want {
			t.Fatalf("fold(%q) = %q, want %q", l, got, want)
		}
	}
	want := newLineLocatorRef(text)
	for _, l := range append(strings.Split(text, "\n"), text) {
		var loc lineLocator
		if loc.setKey(l); string(loc.key) != string(lineKeyRef(l)) {
			t.Fatalf("key of %q is %q, want %q", l, loc.key, lineKeyRef(l))
		}
	}
	// A locator reused from a longer text (lineLocators) indexes as a new one.
	reused := indexLines(newLineLocator(text+"\nÉ\n"+text), text)
	for _, got := range []*lineLocator{newLineLocator(text), reused} {
		if string(got.stream) != string(want.stream) || !reflect.DeepEqual(got.lineStart, want.lineStart) {
			t.Fatalf("newLineLocator(%q) = %q %v, want %q %v", text, got.stream, got.lineStart, want.stream, want.lineStart)
		}
	}
}

// checkDates compares findDate and findAllDates with fullDate run over
// all of s.
func checkDates(t *testing.T, s string) {
	t.Helper()
	want := fullDate.FindAllStringIndex(s, -1)
	if got := findAllDates(s); fmt.Sprint(want) != fmt.Sprint(got) {
		t.Fatalf("%q: dates at %v, pattern finds %v", s, got, want)
	}
	if got := findAllDatesRegionsRef(s); fmt.Sprint(want) != fmt.Sprint(got) {
		t.Fatalf("%q: dates in regions at %v, pattern finds %v", s, got, want)
	}
	v, i, j := findDate(s)
	if wv, wi, wj := findDatePattern(s); v != wv || i != wi || j != wj {
		t.Fatalf("findDate(%q) = %q %d %d, want %q %d %d", s, v, i, j, wv, wi, wj)
	}
	if hasFoldToASCII(s) {
		return // read by the pattern
	}
	for _, loc := range fullDate.FindAllStringSubmatchIndex(s, -1) {
		var m [13]string
		if e := matchDate(s, loc[0], &m); e != loc[1] {
			t.Fatalf("matchDate(%q, %d) ends at %d, want %d", s, loc[0], e, loc[1])
		}
		for k := 1; k < len(m); k++ {
			want := ""
			if loc[2*k] >= 0 {
				want = s[loc[2*k]:loc[2*k+1]]
			}
			if m[k] != want {
				t.Fatalf("matchDate(%q, %d): group %d is %q, want %q", s, loc[0], k, m[k], want)
			}
		}
	}
}

// FuzzDates compares the date reader with fullDate on any text.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"Published Wednesday, 25th of September, 2017 and 2018-04-05x 05/04/2018",
		"12345 2018 on 5 April 2018, 1 May 20199, Sept. 3rd, 2019, 3 sept. 2019, 31/06/2018",
		"Monday 05.04.2018, Sunday,  April 5 2018, Tuesday,5 June 2018, thursdays 1 jan 2020, 1 of of May 2018",
		"2018-04-05_ 2018-4-05 9999-99-99 1/12/2018/2019 12/1/20180 5 Dec.  ,2018 5 december, 2018 Dec 5th,2018",
		"on 1st  of\tjanuary 2019; 10 Octobers 2019; 10 octo 2019 Feb 29, 2019 Feb 29, 2020 5ſ May 2019",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDates(t, s) })
}

// checkFastParts compares the fast parts with the reference on sentence s
// of a document dated date.
func checkFastParts(t *testing.T, p *Parser, s, date string) {
	t.Helper()
	for _, part := range []string{s, s + ". ", s + "” x"} {
		if got, want := splitSentences(part), splitSentencesRef(part); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitSentences(%q) = %q, want %q", part, got, want)
		}
	}
	toks := tokens(s)
	for _, ts := range append([]*termSet{p.introTerms, p.themes, p.headings}, p.kindObject...) {
		if got, want := ts.appendMatches(nil, toks), termMatchesRef(ts, toks); !reflect.DeepEqual(got, want) {
			t.Fatalf("terms in %q: %v, want %v", s, got, want)
		}
	}
	for _, part := range append(strings.Split(s, "\n"), s, " "+s, s+" ", strings.ReplaceAll(s, " ", "  ")) {
		if got, want := hasYear(part), hasYearRef(part); got != want {
			t.Fatalf("hasYear(%q) = %v, want %v", part, got, want)
		}
		if got, want := isFolded(part), isFoldedRef(part); got != want {
			t.Fatalf("isFolded(%q) = %v, want %v", part, got, want)
		}
	}
	for _, part := range []string{s, s + "\n\u200b\x01", "\u00a0\n" + s, "\x01\x02\x03" + s} {
		if got, want := looksBinary([]byte(part)), looksBinaryRef([]byte(part)); got != want {
			t.Fatalf("looksBinary(%q) = %v, want %v", part, got, want)
		}
		if got, want := findHidden(part), findHiddenRef(part); got != want {
			t.Fatalf("findHidden(%q) = %+v, want %+v", part, got, want)
		}
	}
	if got, want := mayHide(s), mayHideRef(s); got != want {
		t.Fatalf("mayHide(%q) = %v, want %v", s, got, want)
	}
	for _, part := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
		var b strings.Builder
		if got, want := appendLower(&b, part), strings.ToLower(part); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", part, got, want)
		}
	}
	for _, w := range []string{"cookie", "licen", "copyright"} {
		for k := range w {
			for _, part := range []string{s, strings.ToLower(s), w[1:] + s + w[:len(w)-1], w + s, s + w} {
				if got, want := containsByRare(part, w, k), strings.Contains(part, w); got != want {
					t.Fatalf("containsByRare(%q, %q, %d) = %v, want %v", part, w, k, got, want)
				}
			}
		}
	}
	if !hasFoldToASCII(s) {
		for _, pi := range []*phraseIndex{p.areas, p.criteria, p.notAnArea} {
			want := pi.re.FindAllStringIndex(s, -1)
			if got := pi.locate(s); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q: located %v, pattern finds %v", s, got, want)
			}
			if got, want := pi.findAll(s), findAllRef(pi, s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: found %v, want %v", s, got, want)
			}
		}
	}
	for _, l := range append(strings.Split(s, ". "), s) {
		num, rest, ok := matchNumbered(l)
		want := numbered.FindStringSubmatch(l)
		if ok != (want != nil) || ok && (num != want[1] || rest != want[2]) {
			t.Fatalf("matchNumbered(%q) = %q, %q, %v, want %q", l, num, rest, ok, want)
		}
	}
	var got [][]int
	p.ratingWords.findAll(s, func(loc []int) bool {
		got = append(got, loc[:2])
		return true
	})
	if want := p.ratingWord.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("ratingWords in %q: %v, want %v", s, got, want)
	}
	ws, want := sentenceWords(s), sentenceWordsRef(s)
	if !reflect.DeepEqual(ws, want) && !(len(ws) == 0 && len(want) == 0) {
		t.Fatalf("sentenceWords(%q) = %v, want %v", s, ws, want)
	}
	cls, wantCls := splitClauses(s, strings.ToLower(s), ws), splitClausesRef(s, want)
	if !reflect.DeepEqual(cls, wantCls) {
		t.Fatalf("splitClauses(%q) = %v, want %v", s, cls, wantCls)
	}
	// Timeframes are read from parts of clauses: try the parts that start
	// at a word and run to the end, and those that end at a word.
	// At most about 16 of each, spread over the sentence.
	var parts []string
	step := len(ws)/16 + 1
	for k := 0; k < len(ws); k += step {
		parts = append(parts, s[ws[k].start:], s[:ws[k].end])
	}
	for _, cl := range cls {
		parts = append(parts, s[cl.from:cl.to])
	}
	if got, want := appendTokens(nil, s), appendTokensRef(nil, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("appendTokens(%q) = %q, want %q", s, got, want)
	}
	for _, part := range append(parts, s) {
		if got, want := endsWithOpenQuote(part), quoteOpen.MatchString(part); got != want {
			t.Fatalf("endsWithOpenQuote(%q) = %v, want %v", part, got, want)
		}
		if got, want := startsWithCloseQuote(part), quoteClose.MatchString(part); got != want {
			t.Fatalf("startsWithCloseQuote(%q) = %v, want %v", part, got, want)
		}
		if got, want := p.mentionsRating(part), containsFold(part, p.ratingStems); got != want {
			t.Fatalf("mentionsRating(%q) = %v, want %v", part, got, want)
		}
		if allCriteria.MatchString(part) && !mayBeAllCriteria(part) {
			t.Fatalf("mayBeAllCriteria(%q) is false, but allCriteria matches", part)
		}
		if got, want := isDateLabel(part), isDateLabelRef(part); got != want {
			t.Fatalf("isDateLabel(%q) = %v, want %v", part, got, want)
		}
		if got, want := mayBeRatedBy(part), mayBeRatedByRef(part); got != want {
			t.Fatalf("mayBeRatedBy(%q) = %v, want %v", part, got, want)
		}
		if ratedBy.MatchString(part) && !mayBeRatedBy(part) {
			t.Fatalf("mayBeRatedBy(%q) is false, but ratedBy matches", part)
		}
		if got, want := tfHintsOf(part), tfHintsRef(part); got != want {
			t.Fatalf("tfHintsOf(%q) = %05b, want %05b", part, got, want)
		}
	}
	for _, done := range []bool{false, true} {
		for _, part := range append(parts, s) {
			if got, want := readTimeframe(part, date, done), readTimeframeRef(part, date, done); got != want {
				t.Fatalf("readTimeframe(%q, %q, %v) = %+v, want %+v", part, date, done, got, want)
			}
		}
	}
}

// TestFastPartsMatchReference compares the fast parts with the reference
// on every sentence of every response of the test documents.
func TestFastPartsMatchReference(t *testing.T) {
	p := fuzzParser(t)
	var names []string
	for _, g := range []string{"../../content/*", "/work/shared/seeds/*.txt", "testdata/*/raw/*", "testdata/*/*/raw/*"} {
		m, _ := filepath.Glob(g)
		names = append(names, m...)
	}
	var docs [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	for _, d := range corpus.Generate(p.cfg, 50) {
		docs = append(docs, d.Text)
	}
	n := 0
	for _, d := range docs {
		r, _ := p.Parse("content/x.txt", d)
		if r == nil {
			continue
		}
		checkLineLocator(t, r.Text)
		checkParagraphs(t, p, r.Text)
		if got, want := findHidden(r.Text), findHiddenRef(r.Text); got != want {
			t.Fatalf("findHidden: %+v, want %+v", got, want)
		}
		for _, l := range strings.Split(r.Text, "\n") {
			checkDates(t, l)
		}
		for _, is := range r.Issues {
			for _, unit := range responseUnits(is.ResponseParagraphs) {
				checkFastParts(t, p, blankQuotes(unit), r.Date)
				n++
			}
			checkFastParts(t, p, is.Text, r.Date)
		}
		for _, para := range r.Narrative {
			checkFastParts(t, p, para.Text, r.Date)
		}
	}
	t.Logf("%d sentences", n)
}

// FuzzFastParts compares the fast parts with the reference on any text.
func FuzzFastParts(f *testing.F) {
	for _, s := range []string{
		"The DCCP will review the files by the end of March 2019, and the CCP will report in the next twelve months.",
		"We will, in due course, publish it in the financial year 2018/19; the Area is to meet within 6 weeks.",
		"In the ſhort term we wiK act this Year, which  will\tbe by 5th May, 2020 — or İn the coming months.",
		"“quoted, but not” and Legal Managers have started; CPS’s staff are reviewing it whilst the police will.",
		"from April 2018 until mid-2019 and early2020, over the next few years, imminently, shortly, as soon as possible",
		"in in in 2019, the end of2018/19, (within 6 weeks) by mid-May, at the end of   May; _next month, 5th of June 2021",
		"over\tthe\nnext 12 months, this calendar year, the next financial year, later this month, in the long terms term_",
		"(12) x. 3 . y. 123456. z. (7)\t)\t. 8.\n9) \n. 10 ) x\ny. 00. a",
		"a\vb  c\u00a0d\u0085e’f \xff g\t",
		"rated as: 'Good' \t\"fair\"\r ‘poor’ assessed to be “excellent” deemed to be only  good, judged fair, graded – poor; ſcored “ ",
		"Good, 'fair' and POOR; goodness, Excellent_ (good) xGood fair-minded Fairly ſome good",
		"the Spring of 2020 – 2021, during the business year 2019 - 20, in the first half of 2022, the next twenty-four months",
		"on 05.04.2018, 2018-04-05, 2018-4-5, SEPT 5th 2019, 5 ſept 2019, Jun. 2020, 31/06/2018, 1/1/20180 and 2019/20 in May, mar 2019; 2020 aug 3",
		"In the coming year, later this month, by the end of the next financial year; over the coming weeks in the near future, As soon as possible, in the longer term_ shortly2 EARLIER THIS YEAR",
		"mid2019, in  2019, the end of 2019, SUMMER 2020 since\t2016; throughout 2019 and 2020x, in 12019, mid- 2021, Of 2022_, by2023 In Early 2024",
		"1234", "x1234", "12345678", "a123b4567c", "0123\xff9876 x", "abcdefg1234", "abcdefgh123 4567", "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9123",
		"Date of publication", " Published on: ", "UPDATED", "last  updated :", "Each of the four criteria was rated good; all CRITERION", "first published 5 May 2019",
		"by 5th March,\t2019, in 2018 –19, 2018/ 19 and 2018 /2019, mid-March  2020, the end ofMay 2019, JUNE 2021, 1 sept 2019, 2019,2020 ,March 2018",
	} {
		f.Add(s, "2018-06-28")
		f.Add(s, "")
	}
	p := fuzzParser(f)
	f.Fuzz(func(t *testing.T, s, date string) {
		checkFastParts(t, p, s, date)
		checkLineLocator(t, s)
		checkDates(t, s)
		checkParagraphs(t, p, s)
	})
}

// TestClauseOpenersDistinct: splitClauses finds the openers in one pass,
// which needs that none begins another and that each begins with " ", ","
// or ";".
func TestClauseOpenersDistinct(t *testing.T) {
	for i, a := range clauseOpeners {
		if len(a.sep) < 2 || !strings.ContainsRune(" ,;", rune(a.sep[0])) {
			t.Errorf("opener %q must begin with a space, comma or semicolon and have two bytes or more", a.sep)
		}
		for j, b := range clauseOpeners {
			if i != j && strings.HasPrefix(b.sep, a.sep) {
				t.Errorf("opener %q begins opener %q", a.sep, b.sep)
			}
		}
	}
}

// TestTimeframeHintWords: tfHintsOf compares a hint word where its first
// two bytes are, which needs that each has two bytes or more, in lower
// case, and that there are at most 32 of them (a bit each).
func TestTimeframeHintWords(t *testing.T) {
	if len(tfHintWords) > 32 {
		t.Errorf("%d hint words, more than 32", len(tfHintWords))
	}
	for _, h := range tfHintWords {
		if len(h.word) < 2 || h.word != strings.ToLower(h.word) {
			t.Errorf("hint word %q must have two bytes or more, in lower case", h.word)
		}
	}
}

// findAllDatesRegionsRef is findAllDates as it was before matchDate: fullDate
// run on the regions around each year of s.
func findAllDatesRegionsRef(s string) [][]int {
	var out [][]int
	for _, reg := range dateRegionsRef(s) {
		for _, loc := range fullDate.FindAllStringIndex(s[reg[0]:reg[1]], -1) {
			out = append(out, []int{reg[0] + loc[0], reg[0] + loc[1]})
		}
	}
	return out
}

// dateRegionsRef are the parts of s where fullDate can match, so that a long
// line costs a pattern run over a few dozen bytes around each year only.
// Every date holds a run of four digits, at most dateLead bytes of other
// than white space before it and six bytes after it (2018-04-05). Regions
// are widened to whole words, so that the pattern's word boundaries read
// the same in the region as in s, and merged where they touch.
func dateRegionsRef(s string) [][2]int {
	var out [][2]int
	for i := 0; i+4 <= len(s); i++ {
		if !(digitsAt(s, i, 4) == 4) {
			continue
		}
		start := i
		for n := 0; start > 0 && n < dateLead; start-- {
			if !(isSpaceRE(s[start-1]) || s[start-1] == '\v') {
				n++
			}
		}
		for start > 0 && isWordByteASCII(s[start-1]) {
			start--
		}
		end := min(i+4+6, len(s))
		for end < len(s) && isWordByteASCII(s[end]) {
			end++
		}
		if len(out) > 0 && start <= out[len(out)-1][1] {
			out[len(out)-1][1] = max(out[len(out)-1][1], end)
		} else {
			out = append(out, [2]int{start, end})
		}
		for i+4 < len(s) && s[i+4] >= '0' && s[i+4] <= '9' {
			i++
		}
	}
	return out
}

// splitByShapeRef cuts a paragraph between two lines that do not read as one
// run of text: a list item beside a line that is not one, a sentence ending
// a line before one that starts a new sentence, or a short heading-like
// line above running text.
func splitByShapeRef(p paragraph) []paragraph {
	if len(p.lines) < 2 {
		return []paragraph{p}
	}
	var out []paragraph
	from := 0
	for i := 1; i < len(p.lines); i++ {
		if shapeBreak(p.lines[i-1], p.lines[i]) {
			out = append(out, paragraph{p.lines[from:i]})
			from = i
		}
	}
	return append(out, paragraph{p.lines[from:]})
}

// paragraphsRef is paragraphs copying each paragraph's lines.
func paragraphsRef(ls []line) []paragraph {
	var out []paragraph
	var cur []line
	flush := func() {
		if len(cur) > 0 {
			out = append(out, paragraph{cur})
			cur = nil
		}
	}
	for _, l := range ls {
		switch {
		case l.text == "":
			flush()
		case l.heading:
			flush()
			cur = append(cur, l)
			flush()
		default:
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// checkParagraphs compares paragraphs and segment with the references on
// the lines of a document body.
func checkParagraphs(t *testing.T, p *Parser, body string) {
	t.Helper()
	ls := splitLines(body, 1)
	got, want := paragraphs(ls), paragraphsRef(ls)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paragraphs of %q: %v, want %v", body, got, want)
	}
	var wantSeg []paragraph
	for _, q := range want {
		for _, r := range splitByShapeRef(q) {
			if !isCookieBanner(r) {
				wantSeg = append(wantSeg, r)
			}
		}
	}
	d := &docState{p: p, r: &Report{Source: "x.txt"}}
	if gotSeg := d.segment(ls); !reflect.DeepEqual(gotSeg, wantSeg) && (len(gotSeg) > 0 || len(wantSeg) > 0) {
		t.Fatalf("segment of %q: %v, want %v", body, gotSeg, wantSeg)
	}
}

// splitSentencesRef is splitSentences as it was: it cuts text after ".",
// "!" or "?" (and any closing quote) followed by a space.
func splitSentencesRef(text string) []string {
	var out []string
	last := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'') {
			j++
		}
		if strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’") {
			j += 3
		}
		if j < len(text) && text[j] == ' ' {
			out = append(out, text[last:j+1])
			last = j + 1
			i = j
		}
	}
	if last < len(text) {
		out = append(out, text[last:])
	}
	return out
}

// isFoldedRef is isFolded a byte at a time.
func isFoldedRef(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ' ' < c && c < utf8.RuneSelf {
			continue
		}
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		case c == ' ':
			if i == 0 || i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\r' || c == '\f':
			return false
		}
	}
	return true
}

// hasYearRef is hasYear a byte at a time.
func hasYearRef(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// findHiddenRef is findHidden reading every rune.
func findHiddenRef(text string) hiddenIn {
	var h hiddenIn
	if !mayHide(text) {
		return h
	}
	line := 1
	for _, r := range text {
		switch {
		case r == '\n':
			line++
		case r == '\f' || r == '\v' || r == '\r' || r == 0x85:
			// white space to the reader: becomes a space, unremarked
		case invisible(r):
			if h.invisibles == 0 {
				h.invis, h.invLine = r, line
			}
			h.invisibles++
		case Hidden(r):
			if h.controls == 0 {
				h.control, h.controlLine = r, line
			}
			h.controls++
		}
	}
	return h
}

// looksBinaryRef is looksBinary counting a byte at a time.
func looksBinaryRef(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}

// isDateLabelRef is isDateLabel running the pattern on every line.
func isDateLabelRef(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && dateLabel.ReplaceAllString(t, "") == ""
}

// findAllRef is phraseIndex.findAll finding each owner by the key of the
// words it matched, as it did for every phrase.
func findAllRef(pi *phraseIndex, text string) []hit {
	var out []hit
	for _, loc := range pi.locate(text) {
		key := strings.Join(tokens(text[loc[0]:loc[1]]), " ")
		owner, ok := pi.index[key]
		if !ok {
			owner, ok = pi.lookupLoose(key)
		}
		if ok {
			out = append(out, hit{loc[0], loc[1], owner})
		}
	}
	return out
}

// mayBeRatedByRef is mayBeRatedBy looking for each stem in turn.
func mayBeRatedByRef(s string) bool {
	if hasFoldToASCII(s) {
		return true
	}
	for _, w := range ratedByStems {
		if indexFoldASCII(s, w) >= 0 {
			return true
		}
	}
	return false
}

// TestRatedByStems: mayBeRatedBy finds the stems by a bit each of their
// first bytes, which needs at most eight stems, of lower-case letters.
func TestRatedByStems(t *testing.T) {
	if len(ratedByStems) > 8 {
		t.Errorf("%d stems, more than 8", len(ratedByStems))
	}
	for _, w := range ratedByStems {
		if w == "" || w[0] < 'a' || w[0] > 'z' || w != strings.ToLower(w) {
			t.Errorf("stem %q must be lower-case letters", w)
		}
	}
}
