package report

import (
	"sort"
	"strings"
)

// clauseReading is what one clause commits the CPS to.
type clauseReading struct {
	verbAt int // where the verb of commitment starts in the sentence
	status string
	owners []int // roles named as doing it; empty when none is
}

// clause reads one clause of sentence s, whose words are all. ok is false
// when it holds no verb of commitment, or commits someone other than the
// CPS.
func (g *commitmentGrammar) clause(s string, all []sentenceWord, cl clauseSpan, st *responseState) (clauseReading, bool) {
	ws := wordsIn(all, cl.from, cl.to)
	m, ok := findMarker(ws)
	if !ok {
		return clauseReading{}, false
	}
	sw := wordsIn(all, subjectStart(s, cl.from, ws, m.at), ws[m.at].start)
	if cl.relative && (len(sw) == 0 || len(sw) == 1 && isRelativePronoun(sw[0].lower)) {
		// "the local judiciary who will be invited": who is the judiciary
		before := wordsIn(all, 0, cl.from)
		sw = before[max(0, len(before)-5):]
	}
	if len(sw) == 0 && cl.from > 0 && !cl.relative && st.clause != nil {
		// "The CCP has written ... and will hold a meeting": the verb
		// shares the subject of the clause before it.
		return clauseReading{status: m.status, verbAt: ws[m.at].start, owners: st.clause}, true
	}
	roles := g.rolesIn(sw)
	others := g.others.find(sw)
	pronoun := pronounIn(sw)
	agents, otherAgents := g.agents(s, ws, m)
	r := clauseReading{status: m.status, verbAt: ws[m.at].start}
	switch {
	case m.passive:
		if len(agents) == 0 && len(otherAgents) > 0 {
			return r, false // "... will be reviewed by the police"
		}
		if len(agents) == 0 && (pronoun == "we" || g.isOrganisation(roles)) {
			return r, false // "the Area will be inspected": done to the CPS, by others
		}
		r.owners = agents
	case len(roles) == 0 && len(others) > 0:
		return r, false // "the police will"
	default:
		switch {
		case len(roles) > 0:
			r.owners = roles
			if pronoun == "we" && len(roles) == 1 {
				st.speaker = roles[0] // "nationally we are ...": "we" is now the CPS nationally
			}
		case pronoun == "we":
			r.owners = []int{st.speaker}
		case pronoun == "they" && len(st.last) > 0:
			r.owners = st.last
		case !m.happening:
			return r, false // "This will achieve ...": a thing's effect, not an action
		}
		for _, a := range agents {
			r.owners = appendNew(r.owners, a)
		}
	}
	return r, true
}

// subjectStart is where the words before the verb that name who acts
// begin: after the last comma, and back over earlier parts of a list of
// names ("The CCP, DCCPs and legal managers will").
func subjectStart(s string, from int, ws []sentenceWord, at int) int {
	if at == 0 {
		return ws[0].start
	}
	end := ws[at].start
	start := from
	if i := strings.LastIndexByte(s[from:end], ','); i >= 0 {
		start = from + i + 1
		for start > from {
			j := strings.LastIndexByte(s[from:start-1], ',')
			part := s[from+j+1 : start-1]
			if !looksLikeNames(strings.TrimSpace(part)) {
				break
			}
			start = from + j + 1
		}
	}
	return start
}

// wordsIn is the words of ws that lie between byte offsets from and to.
func wordsIn(ws []sentenceWord, from, to int) []sentenceWord {
	i := sort.Search(len(ws), func(k int) bool { return ws[k].start >= from })
	j := sort.Search(len(ws), func(k int) bool { return ws[k].end > to })
	if j < i {
		return nil
	}
	return ws[i:j]
}

// looksLikeNames reports whether a part before a comma is short and opens
// with a capital or "the": the start of a list of owners, not a phrase
// such as "In developing the plan for 2018/19".
func looksLikeNames(p string) bool {
	ws := sentenceWords(p)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	first := ws[0].text
	if ws[0].lower == "the" || ws[0].lower == "both" || ws[0].lower == "all" {
		return len(ws) > 1
	}
	return first != "" && first[0] >= 'A' && first[0] <= 'Z' && !leadWords[ws[0].lower]
}

// Words that open an adverbial phrase, not a name.
var leadWords = setOf("in", "as", "following", "after", "before", "since", "however", "additionally", "further",
	"furthermore", "moreover", "also", "where", "when", "if", "to", "for", "with", "through", "by", "on", "at",
	"from", "during", "within", "whilst", "while", "although", "nationally", "locally", "finally", "first",
	"secondly", "thirdly", "lastly", "overall", "importantly", "separately", "meanwhile")

func isRelativePronoun(lower string) bool {
	switch lower {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// pronounIn is the personal pronoun a subject holds: "we" (also "our" and
// "us", the CPS speaking), "they" ("they", "he", "she"), or "".
func pronounIn(ws []sentenceWord) string {
	p := ""
	for _, w := range ws {
		switch w.lower {
		case "we", "us", "i":
			return "we"
		case "they", "he", "she":
			p = "they"
		}
	}
	return p
}

// rolesIn is the roles a subject names, each once, in order. A role in the
// possessive ("the Area's senior management team") only qualifies another.
func (g *commitmentGrammar) rolesIn(ws []sentenceWord) []int {
	var out []int
	for _, h := range g.roles.find(ws) {
		if !h.possessive {
			out = appendNew(out, h.owner)
		}
	}
	return out
}

// isOrganisation reports whether the roles are the fallback owner alone:
// the Area as an organisation, which others act on.
func (g *commitmentGrammar) isOrganisation(roles []int) bool {
	return len(roles) == 1 && roles[0] == g.fallback
}

// agents are the roles named by "by" after the verb: the agent of a
// passive ("will be monitored by the DCCP") or of an action named by a
// noun ("a review by District Crown Prosecutors", "for approval by the
// Board"). A "by" after some other participle ("Counsel instructed by the
// Area", ", chaired by the CCP") describes, and a "by" before a gerund
// ("by further developing Legal Managers") says how, not who.
func (g *commitmentGrammar) agents(text string, ws []sentenceWord, m marker) (roles []int, others []nameHit) {
	for i := m.verb + 1; i < len(ws); i++ {
		if ws[i].lower != "by" {
			continue
		}
		prev := ws[i-1].lower
		if i-1 != m.verb && isParticiple(prev) {
			continue
		}
		j := skipAdverbs(ws, i+1)
		if j < len(ws) && isGerund(ws[j].lower) {
			continue
		}
		k := j
		for k < len(ws) && !agentStops[ws[k].lower] && (k == j || !strings.ContainsAny(text[ws[k-1].end:ws[k].start], ",;:")) {
			k++
		}
		phrase := ws[j:k]
		for _, h := range g.roles.find(phrase) {
			if !h.possessive {
				roles = appendNew(roles, h.owner)
			}
		}
		if len(roles) == 0 {
			others = append(others, g.others.find(phrase)...)
		}
	}
	return roles, others
}

// Words that end an agent phrase.
var agentStops = setOf("to", "when", "where", "through", "as", "at", "in", "on", "for", "with", "which", "who",
	"if", "so", "using", "by", "via", "during", "after", "before", "until", "while", "whilst", "because", "within")
