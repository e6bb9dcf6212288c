package report

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	sentenceEnd = regexp.MustCompile(`[.!?][”"’']?\s+`)
	quoteOpen   = regexp.MustCompile(`['‘"“]\s*$`)
	quoteClose  = regexp.MustCompile(`^\s*['’"”]`)
	// Words that make the rating word after them a rating.
	ratedBy = regexp.MustCompile(`(?i)\b(?:rated|assessed|graded|judged|scored|rating|assessment|score|grade)(?:\s+(?:as|to\s+be|of|was|is|were))?\s*[:\-–—]?\s*$`)
	// Between a criterion and its rating in a list or table row.
	listSep = regexp.MustCompile(`^[\s:\-–—=|,]*(?:(?:was|is|were|rated|as)\s+)*$`)
	// A rating given to every criterion at once.
	allCriteria = regexp.MustCompile(`(?i)\b(?:each|all)\s+(?:of\s+)?(?:the\s+)?(?:four|4)?\s*(?:criteria|criterion)\b`)
	// "'fair' for quality of casework"
	forLink = regexp.MustCompile(`(?i)^['’"”]?\s*(?:for|in(?:\s+relation\s+to)?|on)\s+(?:the\s+)?$`)
	// The subject of a sentence that rates something else.
	ratedSubject = regexp.MustCompile(`(?i)^(.*?)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:rated|assessed|graded|judged)\b`)
)

// ratingEvent is a criterion or a rating word found in a sentence.
type ratingEvent struct {
	start, end int
	criterion  int    // -1 for a rating word
	rating     string // for a rating word
}

// readRatings finds the ratings the intro states, sentence by sentence:
// criteria named before a rating word take that rating.
func (d *docState) readRatings(intro []paragraph) {
	for _, p := range intro {
		text := p.text()
		for _, sent := range splitSentences(text) {
			d.rateSentence(sent, d.lineOf(p, sent))
		}
	}
}

// lineOf finds the line of a paragraph on which a sentence starts.
func (d *docState) lineOf(p paragraph, sent string) int {
	head := sent
	if len(head) > 24 {
		head = head[:24]
	}
	for _, l := range p.lines {
		if strings.Contains(l.text, head) {
			return l.n
		}
	}
	return p.first()
}

func splitSentences(text string) []string {
	var out []string
	last := 0
	for _, loc := range sentenceEnd.FindAllStringIndex(text, -1) {
		out = append(out, text[last:loc[1]])
		last = loc[1]
	}
	if last < len(text) {
		out = append(out, text[last:])
	}
	return out
}

func (d *docState) rateSentence(s string, line int) {
	ratings := d.p.ratingWord.FindAllStringIndex(s, -1)
	if len(ratings) == 0 {
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
	all := allCriteria.MatchString(s)
	var pending []int
	for i := 0; i < len(events); i++ {
		e := events[i]
		if e.criterion >= 0 {
			pending = append(pending, e.criterion)
			continue
		}
		// "'fair' for quality of casework": the next criterion, if only a
		// linking word stands between.
		if i+1 < len(events) && events[i+1].criterion >= 0 && forLink.MatchString(s[e.end:events[i+1].start]) {
			d.rate(events[i+1].criterion, e.rating, line)
			i++
			pending = nil
			continue
		}
		switch {
		case len(pending) > 0:
			for _, c := range pending {
				d.rate(c, e.rating, line)
			}
		case all:
			for c := range d.p.cfg.Criteria {
				d.rate(c, e.rating, line)
			}
		default:
			d.otherRating(s[:e.start], e.rating, line)
		}
		pending = nil
	}
}

// countsAsRating decides whether a rating word in a sentence is a rating,
// not an adjective ("a good service"): it must be quoted, follow a word
// such as "rated", or follow a criterion with only a separator between.
func (d *docState) countsAsRating(s string, loc []int, crits []hit) bool {
	before, after := s[:loc[0]], s[loc[1]:]
	if quoteOpen.MatchString(before) && quoteClose.MatchString(after) {
		return true
	}
	if ratedBy.MatchString(before) {
		return true
	}
	for _, h := range crits {
		if h.end <= loc[0] && listSep.MatchString(s[h.end:loc[0]]) {
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

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

var numberWordPattern = strings.Join(numberWords, "|")

// readStatedCount finds a count of issues stated in the intro
// ("three main issues", "There are 9 issues", "thirteen recommendations").
func (d *docState) readStatedCount(intro []paragraph) {
	for _, p := range intro {
		for _, l := range p.lines {
			m := d.p.statedRe.FindStringSubmatch(l.text)
			if m == nil {
				continue
			}
			n, err := strconv.Atoi(m[1])
			if err != nil {
				for i, w := range numberWords {
					if strings.EqualFold(w, m[1]) {
						n = i
					}
				}
			}
			d.r.StatedCount, d.r.Lines.StatedCount = n, l.n
			return
		}
	}
}
