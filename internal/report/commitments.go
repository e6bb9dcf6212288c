package report

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/inspectsite/inspectsite/internal/config"
)

// Commitment is one action a response says the CPS will take, is taking or
// has taken: a sentence or list item of the response, who owns it, by when,
// and how far it has gone. What the text does not say stays empty.
type Commitment struct {
	Text              string   `json:"text"`
	Owners            []string `json:"owners"` // role names, as site.toml gives them
	Timeframe         string   `json:"timeframe"`
	TimeframeRead     string   `json:"timeframe_read"`
	TimeframeRelative bool     `json:"timeframe_relative"`
	Status            string   `json:"status"`
	Line              int      `json:"line"`

	// OwnerSlugs are the owners' role slugs, in the order of Owners.
	OwnerSlugs []string `json:"-"`
	// Due is the timeframe's last day (YYYY-MM-DD), "" when it has none.
	Due string `json:"-"`
}

// The statuses a commitment can have.
const (
	StatusPromised = "promised"
	StatusUnderWay = "under way"
	StatusDone     = "done"
)

// commitmentGrammar is one configuration's roles and other parties,
// compiled for reading commitments.
type commitmentGrammar struct {
	cfg      *config.Config
	roles    *nameList // owner: index in cfg.Roles
	others   *nameList
	fallback int // index of the fallback role; -1 when there are no roles
}

var lastGrammar atomic.Pointer[commitmentGrammar]

// grammarFor compiles cfg's roles once; a build reads every document with
// one configuration, so keeping the last one is enough.
func grammarFor(cfg *config.Config) *commitmentGrammar {
	if g := lastGrammar.Load(); g != nil && g.cfg == cfg {
		return g
	}
	g := &commitmentGrammar{cfg: cfg, roles: newNameList(), others: newNameList(), fallback: -1}
	for i, r := range cfg.Roles {
		g.roles.add(r.Name, i)
		if r.Abbreviation != "" {
			g.roles.add(r.Abbreviation, i)
		}
		for _, a := range r.Aliases {
			g.roles.add(a, i)
		}
		if r.Fallback {
			g.fallback = i
		}
	}
	for _, o := range cfg.Commitment.Others {
		g.others.add(o, 0)
	}
	lastGrammar.Store(g)
	return g
}

// readCommitments finds the commitments in every response of r. A combined
// response ("CPS Response to 1 & 3") is read once; each issue it answers
// holds the same commitments.
func (p *Parser) readCommitments(r *Report) {
	g := grammarFor(p.cfg)
	byResponse := map[int][]Commitment{}
	var loc *lineLocator
	defer func() {
		if loc != nil {
			lineLocators.Put(loc)
		}
	}()
	for i := range r.Issues {
		is := &r.Issues[i]
		if is.ResponseLine == 0 || len(g.cfg.Roles) == 0 {
			is.Commitments = []Commitment{}
			continue
		}
		cs, ok := byResponse[is.ResponseLine]
		if !ok {
			if loc == nil {
				loc, _ = lineLocators.Get().(*lineLocator)
				if loc == nil {
					loc = &lineLocator{}
				}
				indexLines(loc, r.Text)
			}
			cs = g.read(is.ResponseParagraphs, r.Date, loc, is.ResponseLine)
			byResponse[is.ResponseLine] = cs
		}
		is.Commitments = cs
	}
}

// read finds the commitments in a response's paragraphs; the response
// starts at line first of the text loc indexes.
func (g *commitmentGrammar) read(paras []string, date string, loc *lineLocator, first int) []Commitment {
	out := []Commitment{}
	st := &responseState{speaker: g.fallback}
	if buf, ok := wordBuffers.Get().(*[]sentenceWord); ok {
		st.words = *buf
	}
	defer func() { wordBuffers.Put(&st.words) }()
	units := responseUnits(paras)
	size := 0
	for _, unit := range units {
		size += len(unit)
	}
	st.lowers.Grow(size)
	for _, unit := range units {
		c, ok := g.sentence(unit, date, st)
		if !ok {
			continue
		}
		c.Line = loc.find(unit, first)
		first = c.Line
		out = append(out, c)
	}
	return out
}

// lineLocators hold the line indexes readCommitments makes, one a
// document, for the next document to reuse (see indexLines).
var lineLocators sync.Pool

// wordBuffers hold the slices the words of a response's sentences are read
// into: one for all the responses of a build, not one made for each
// sentence (a tenth of the commitment reader's time,
// BenchmarkReadCommitments).
var wordBuffers sync.Pool

// responseState carries what one sentence of a response tells the next:
// who "we" are and who "they" were.
type responseState struct {
	speaker int   // the role "we" stands for
	last    []int // the owners of the last commitment, for "they"
	// clause is the owners of the sentence's last clause of commitment,
	// for a clause that shares its subject; nil at a sentence's start.
	clause []int
	words  []sentenceWord // the words of the sentence being read
	// lowers holds the lower case of the response's sentences one after
	// another (see appendLower), and clauses the clauses of the one being
	// read: one allocation a response, not one for each sentence.
	lowers  strings.Builder
	clauses []clauseSpan
}

// sentence reads one sentence or list item; ok is false when it commits
// the CPS to nothing.
func (g *commitmentGrammar) sentence(text, date string, st *responseState) (Commitment, bool) {
	if opensWithQuote(text) {
		return Commitment{}, false // a quotation, not the CPS's own words
	}
	plain := blankQuotes(text)
	lower := appendLower(&st.lowers, plain)
	st.words = appendSentenceWords(st.words[:0], plain, lower)
	ws := st.words
	var owners []int
	status := ""
	var tf Timeframe
	st.clause = nil
	st.clauses = appendClauses(st.clauses[:0], plain, lower, ws)
	for _, cl := range st.clauses {
		a, ok := g.clause(plain, ws, cl, st)
		if !ok {
			continue
		}
		st.clause = a.owners
		if st.clause == nil {
			st.clause = []int{} // named no one: the next clause inherits that too
		}
		if status == "" {
			status = a.status
		}
		for _, o := range a.owners {
			owners = appendNew(owners, o)
		}
		if tf.Written == "" {
			// A timeframe after the verb is the verb's; one before it
			// ("In the plan for 2018/19, the DCCP will") sets the scene.
			done := a.status == StatusDone
			if tf = readTimeframe(text[a.verbAt:cl.to], date, done); tf.Written == "" {
				tf = readTimeframe(text[cl.from:a.verbAt], date, done)
			}
		}
	}
	if status == "" {
		return Commitment{}, false
	}
	if len(owners) == 0 && st.speaker >= 0 {
		owners = []int{st.speaker}
	}
	st.last = owners
	c := Commitment{Text: text, Status: status, Timeframe: tf.Written, TimeframeRead: tf.Read,
		TimeframeRelative: tf.Relative, Due: tf.Due, Owners: []string{}, OwnerSlugs: []string{}}
	for _, o := range owners {
		c.Owners = append(c.Owners, g.cfg.Roles[o].Name)
		c.OwnerSlugs = append(c.OwnerSlugs, g.cfg.Roles[o].Slug)
	}
	return c, true
}

func appendNew(list []int, v int) []int {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// opensWithQuote reports whether text begins with a quotation mark.
func opensWithQuote(text string) bool {
	return strings.HasPrefix(text, `"`) || strings.HasPrefix(text, "“") || strings.HasPrefix(text, "‘") || strings.HasPrefix(text, "'")
}

// blankQuotes replaces text between double quotation marks with spaces of
// the same length, so that words quoted from the report are not read as
// the CPS's, while every offset still points into the original.
func blankQuotes(text string) string {
	if !strings.Contains(text, `"`) && !strings.Contains(text, "“") {
		return text
	}
	b := []byte(text)
	for _, pair := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		from := 0
		for {
			i := strings.Index(string(b[from:]), pair[0])
			if i < 0 {
				break
			}
			i += from
			j := strings.Index(string(b[i+len(pair[0]):]), pair[1])
			if j < 0 {
				break
			}
			j += i + len(pair[0]) + len(pair[1])
			for k := i; k < j; k++ {
				b[k] = ' '
			}
			from = j
		}
	}
	return string(b)
}
