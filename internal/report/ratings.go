package report

import (
	"math/bits"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	quoteOpen  = regexp.MustCompile(`['‘"“]\s*$`)
	quoteClose = regexp.MustCompile(`^\s*['’"”]`)
	// Words that make the rating word after them a rating.
	ratedBy = regexp.MustCompile(`(?i)\b(?:rated|assessed|graded|judged|scored|rating|assessment|score|grade|found\s+to\s+be|deemed(?:\s+to\s+be)?(?:\s+only)?)(?:\s+(?:as|to\s+be|of|was|is|were))?\s*[:\-–—]?\s*$`)
	// Between criteria that share one rating.
	andLink = regexp.MustCompile(`^\s*(?:,|and|&|,\s*and)\s*$`)
	// After a rated criterion: more words joined to it, so the rating is
	// for a heading the criterion is only part of.
	combinedHeading = regexp.MustCompile(`^\s*,?\s*and\s+[a-z]`)
	// Between a criterion and its rating in a list or table row.
	listSep = regexp.MustCompile(`^[\s:\-–—=|,]*(?:(?:was|is|were|rated|as)\s+)*$`)
	// A rating given to every criterion at once.
	allCriteria = regexp.MustCompile(`(?i)\b(?:each|all)\s+(?:of\s+)?(?:the\s+)?(?:four|4)?\s*(?:criteria|criterion)\b`)
	// "'fair' for quality of casework"
	forLink = regexp.MustCompile(`(?i)^['’"”]?\s*(?:for|in(?:\s+relation\s+to)?|on)\s+(?:the\s+)?$`)
	// The subject of a sentence that rates something else.
	ratedSubject = regexp.MustCompile(`(?i)^(.*?)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:rated|assessed|graded|judged)\b`)
)

// The rating reader tests the words before and after each rating word.
// With the patterns alone that was two fifths of rateSentence's time in
// BenchmarkParse; these functions take a twentieth of the patterns' time
// (BenchmarkRatingTests), and ratedBy runs only where its words are.

// endsWithOpenQuote is quoteOpen.MatchString(s).
func endsWithOpenQuote(s string) bool {
	s = strings.TrimRight(s, "\t\n\f\r ") // \s
	return strings.HasSuffix(s, "'") || strings.HasSuffix(s, "‘") || strings.HasSuffix(s, `"`) || strings.HasSuffix(s, "“")
}

// startsWithCloseQuote is quoteClose.MatchString(s).
func startsWithCloseQuote(s string) bool {
	s = strings.TrimLeft(s, "\t\n\f\r ")
	return strings.HasPrefix(s, "'") || strings.HasPrefix(s, "’") || strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "”")
}

// ratedByStems are parts of ratedBy's words, one in each.
var ratedByStems = []string{"rat", "assess", "grad", "judg", "scor", "found", "deem"}

// mayBeRatedBy reports whether ratedBy may match s: s holds one of its
// words, ignoring case. Letters that the pattern folds to ASCII (ſ, K)
// leave it to the pattern.
//
// It is one pass over s, comparing the stems that begin with each byte,
// where looking for each stem in turn went over s seven times (a tenth of
// rateSentence's time, BenchmarkParse).
func mayBeRatedBy(s string) bool {
	if hasFoldToASCII(s) {
		return true
	}
	for i := 0; i < len(s); i++ {
		for ks := ratedByFirsts[s[i]]; ks != 0; ks &= ks - 1 {
			if hasPrefixFoldASCII(s[i:], ratedByStems[bits.TrailingZeros8(ks)]) {
				return true
			}
		}
	}
	return false
}

// ratedByFirsts has bit k set, for each byte in either case, when stem k
// of ratedByStems begins with it.
var ratedByFirsts = func() (t [256]uint8) {
	for k, w := range ratedByStems {
		t[w[0]] |= 1 << k
		t[w[0]-'a'+'A'] |= 1 << k
	}
	return t
}()

// mayBeAllCriteria reports whether allCriteria may match s: s holds
// "criteri" in any case (none of its letters folds to another).
func mayBeAllCriteria(s string) bool { return indexFoldASCII(s, "criteri") >= 0 }

// ratingEvent is a criterion or a rating word found in a sentence.
type ratingEvent struct {
	start, end int
	criterion  int    // -1 for a rating word
	rating     string // for a rating word
}

// readRatings finds the ratings the intro states, sentence by sentence:
// criteria named before a rating word take that rating.
func (d *docState) readRatings(intro []paragraph) {
	d.rateTableCells(intro)
	for _, p := range intro {
		text := p.text()
		// Where each line starts in the joined text, to cite the right line.
		starts := make([]int, len(p.lines))
		at := 0
		for i, l := range p.lines {
			starts[i] = at
			at += len(l.text) + 1
		}
		lineAt := func(off int) int {
			i := sort.SearchInts(starts, off+1) - 1
			if i < 0 {
				i = 0
			}
			return p.lines[i].n
		}
		for off := 0; off < len(text); {
			end := sentenceEnd(text, off)
			base := off
			d.rateSentence(text[off:end], func(pos int) int { return lineAt(base + pos) })
			off = end
		}
	}
}

// splitSentences cuts text after ".", "!" or "?" (and any closing quote)
// followed by a space.
func splitSentences(text string) []string {
	var out []string
	for from := 0; from < len(text); {
		end := sentenceEnd(text, from)
		out = append(out, text[from:end])
		from = end
	}
	return out
}

// sentenceEnd is where the sentence of text starting at from ends (see
// splitSentences): after the space that follows its full stop, or at the
// end of text. The readers of every sentence of a paragraph step through
// them with it, rather than make a slice of them (BenchmarkParseGenerated).
func sentenceEnd(text string, from int) int {
	for i := from; i < len(text); i++ {
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
			return j + 1
		}
	}
	return len(text)
}

func (d *docState) rateSentence(s string, lineAt func(pos int) int) {
	if !d.p.mentionsRating(s) {
		return
	}
	var ratings [][]int
	d.p.ratingWords.findAll(s, func(loc []int) bool {
		ratings = append(ratings, loc[:2])
		return true
	})
	if len(ratings) == 0 || !d.anyMayCount(s, ratings) {
		return
	}
	var events []ratingEvent
	crits := d.p.criteria.findAll(s)
	for _, h := range crits {
		events = append(events, ratingEvent{h.start, h.end, h.owner, ""})
	}
	for _, loc := range ratings {
		if !d.countsAsRating(s, loc, crits) {
			continue
		}
		word, _ := d.p.cfg.KnownRating(s[loc[0]:loc[1]])
		events = append(events, ratingEvent{loc[0], loc[1], -1, word})
	}
	sort.Slice(events, func(i, j int) bool { return events[i].start < events[j].start })
	all := mayBeAllCriteria(s) && allCriteria.MatchString(s)
	var pending, pendingAt []int
	for i := 0; i < len(events); i++ {
		e := events[i]
		if e.criterion >= 0 {
			pending = append(pending, e.criterion)
			pendingAt = append(pendingAt, e.start)
			continue
		}
		// "'fair' for quality of casework": the next criterion, if only a
		// linking word stands between.
		line := lineAt(e.start)
		if i+1 < len(events) && events[i+1].criterion >= 0 && forLink.MatchString(s[e.end:events[i+1].start]) {
			// "'fair' for high quality casework and public confidence":
			// the criteria joined to it share the rating.
			j := i + 1
			for j+1 < len(events) && events[j+1].criterion >= 0 && andLink.MatchString(s[events[j].end:events[j+1].start]) {
				j++
			}
			if combinedHeading.MatchString(s[events[j].end:]) {
				// "FAIR for casework quality and service delivery for
				// users" rates one heading of another framework.
				if d.ex != nil {
					d.lost("rating "+d.p.cfg.Criteria[events[i+1].criterion].Slug, e.rating, line,
						"the criterion is joined to words that are no criterion: the rating is for another framework's heading")
				}
			} else {
				for _, c := range events[i+1 : j+1] {
					d.rate(c.criterion, e.rating, line)
				}
			}
			i = j
			pending, pendingAt = nil, nil
			continue
		}
		switch {
		case len(pending) > 0:
			for k, c := range pending {
				d.rate(c, e.rating, lineAt(pendingAt[k]))
			}
		case all:
			for c := range d.p.cfg.Criteria {
				d.rate(c, e.rating, line)
			}
		default:
			d.otherRating(s[:e.start], e.rating, line)
		}
		pending, pendingAt = nil, nil
	}
}

// rateTableCells reads a score table copied one cell to a paragraph: a
// paragraph that is only a criterion, then one that is only a rating word.
func (d *docState) rateTableCells(intro []paragraph) {
	for i := 0; i+1 < len(intro); i++ {
		a, b := intro[i], intro[i+1]
		if len(a.lines) != 1 || len(b.lines) != 1 {
			continue
		}
		word, ok := d.p.cfg.KnownRating(strings.Trim(b.lines[0].text, " '‘’\"“”"))
		if !ok {
			continue
		}
		if h, found := d.p.criteria.first(a.lines[0].text); found && h.start == 0 && h.end == len(a.lines[0].text) {
			d.rate(h.owner, word, a.lines[0].n)
		}
	}
}

// anyMayCount is a cheap first look: is any rating word quoted, after
// "rated", or just after a criterion?
func (d *docState) anyMayCount(s string, ratings [][]int) bool {
	for _, loc := range ratings {
		before := tail(s[:loc[0]], 60)
		if strings.TrimRight(before, " ") != before || strings.ContainsAny(tail(before, 4), "'‘\"“") {
			// The cheap tests first: each only reads before.
			if endsWithOpenQuote(before) || mayBeRatedBy(before) && ratedBy.MatchString(before) || len(d.p.criteria.findAll(before)) > 0 {
				return true
			}
		}
	}
	return false
}

// countsAsRating decides whether a rating word in a sentence is a rating,
// not an adjective ("a good service"): it must be quoted, follow a word
// such as "rated", or follow a criterion with only a separator between.
func (d *docState) countsAsRating(s string, loc []int, crits []hit) bool {
	before, after := tail(s[:loc[0]], 60), s[loc[1]:]
	if len(after) > 8 {
		after = after[:8]
	}
	if endsWithOpenQuote(before) && startsWithCloseQuote(after) {
		return true
	}
	if mayBeRatedBy(before) && ratedBy.MatchString(before) {
		return true
	}
	for _, h := range crits {
		if h.end <= loc[0] && loc[0]-h.end < 40 && listSep.MatchString(s[h.end:loc[0]]) {
			return true
		}
	}
	return false
}

func (d *docState) rate(criterion int, rating string, line int) {
	slug := d.p.cfg.Criteria[criterion].Slug
	if _, done := d.r.Ratings[slug]; done {
		return
	}
	d.r.Ratings[slug] = rating
	d.r.Lines.Ratings[slug] = line
}

// otherRating records a rating of something that is not a criterion, when
// the sentence says what was rated ("management of its resources is rated").
func (d *docState) otherRating(before, rating string, line int) {
	m := ratedSubject.FindStringSubmatch(before)
	if m == nil {
		return
	}
	label := strings.TrimSpace(m[1])
	lower := strings.ToLower(label)
	for _, prefix := range []string{"the area’s ", "the area's ", "the area ", "its ", "their ", "the "} {
		if strings.HasPrefix(lower, prefix) {
			label, lower = label[len(prefix):], lower[len(prefix):]
		}
	}
	lower = strings.ReplaceAll(lower, " of its ", " of ")
	lower = strings.ReplaceAll(lower, " of their ", " of ")
	if lower == "" || lower == "area" || lower == "it" || wordCount(lower) > 8 {
		return
	}
	for _, o := range d.r.OtherRatings {
		if o.Label == lower {
			return
		}
	}
	d.r.OtherRatings = append(d.r.OtherRatings, OtherRating{Label: lower, Rating: rating, Line: line})
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}

// countQualifiers may stand between a count and its noun ("three main issues").
var countQualifiers = map[string]bool{"main": true, "key": true, "specific": true, "priority": true,
	"principal": true, "further": true, "separate": true, "other": true}

// readStatedCount finds a count of issues stated in the intro ("three
// main issues", "There are 9 issues", "thirteen recommendations"), in the
// intro's sentences among the evidence, already in words.
func (d *docState) readStatedCount(ev []evidence) {
	for _, e := range ev {
		if e.rank > inOpening {
			continue // the title and metadata state no count
		}
		if n, ok := d.p.statedCount(e.toks, d.p.vocab(nil, e.ms, inNouns)); ok {
			d.r.StatedCount, d.r.Lines.StatedCount = n, e.line
			return
		}
	}
}

// statedCount looks for <number> [qualifier] <issue noun> in a token list.
// nouns are the issue nouns' matches among toks.
func (p *Parser) statedCount(toks []string, nouns []match) (int, bool) {
	for _, m := range nouns {
		i := m.pos - 1
		if i >= 0 && countQualifiers[toks[i]] {
			i--
		}
		if i < 0 {
			continue
		}
		if n, ok := numberWords[toks[i]]; ok {
			return n, true
		}
		if n, err := strconv.Atoi(toks[i]); err == nil && n > 0 && n < 1000 {
			return n, true
		}
	}
	return 0, false
}
