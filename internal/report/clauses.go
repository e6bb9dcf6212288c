package report

import "strings"

// The grammar of a commitment. A clause commits the CPS when its verb says
// what someone will do ("will review", "is to appoint", "plans to"), is
// doing ("is conducting", "continue to monitor", "has started") or has done
// ("has put in place", "have introduced", "was published", "we examined"),
// and its subject is someone in the CPS, "we", or a thing done by them
// ("Training will be provided"). A clause about another party ("the police
// will"), about the CPS as the object of others ("the Area will be
// inspected"), or about what a thing will bring ("This will achieve ...")
// commits the CPS to nothing. These are words of English grammar, the same
// for any site; who counts as the CPS is in site.toml.

// clauseSpan is a part of a sentence with a verb of its own.
type clauseSpan struct {
	from, to int
	relative bool // opens with "who", "which" or "whereby": its subject stands before it
}

// Words that open a clause of their own. " and " opens one only when both
// sides have a verb of commitment (see splitClauses).
var clauseOpeners = [...]struct {
	sep      string
	relative bool
}{
	{"; ", false}, {", but ", false}, {" but ", false}, {", while ", false}, {", whilst ", false},
	{", which ", true}, {" which ", true},
	// "that" opens a relative clause when a verb follows it at once
	// ("issues that will be addressed"); before a subject it only joins.
	{" that will ", true}, {" that has ", true}, {" that have ", true}, {" that are ", true}, {" that is ", true}, {" whereby ", true}, {" in which ", true}, {", who ", true}, {" who ", true},
}

// openersBySecond lists the clause openers by their second byte, the one
// that tells most of them apart ("; " and ", but " by the space, " but "
// by "b").
var openersBySecond = func() (by [256][]int) {
	for k, op := range clauseOpeners {
		by[op.sep[1]] = append(by[op.sep[1]], k)
	}
	return by
}()

// splitClauses cuts sentence s, whose words are ws and whose lower case
// is lower (strings.ToLower(s)), into clauses.
func splitClauses(s, lower string, ws []sentenceWord) []clauseSpan {
	return appendClauses(nil, s, lower, ws)
}

// appendClauses appends the clauses of s (see splitClauses) to out.
func appendClauses(out []clauseSpan, s, lower string, ws []sentenceWord) []clauseSpan {
	type cut struct {
		at, skip int
		relative bool
	}
	var buf [16]cut // enough for most sentences, without an allocation
	cuts := buf[:0]
	// One pass finds every opener, where one search a opener went over
	// the sentence once for each (a tenth of the commitment reader's time,
	// BenchmarkParseGenerated). Every opener begins with " ", "," or ";",
	// and none begins another, so at most one starts at a place; an
	// opener's next match starts after its last, as the search found it.
	var next [len(clauseOpeners)]int
	for i := 0; i+1 < len(lower); i++ {
		c := lower[i]
		if c != ' ' && c != ',' && c != ';' {
			continue
		}
		for _, k := range openersBySecond[lower[i+1]] {
			op := clauseOpeners[k]
			if op.sep[0] != c || i < next[k] || !strings.HasPrefix(lower[i:], op.sep) {
				continue
			}
			skip := len(op.sep)
			if strings.HasPrefix(op.sep, " that ") {
				skip = len(" that ") // the verb stays in the clause
			}
			cuts = append(cuts, cut{i, skip, op.relative})
			next[k] = i + len(op.sep)
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

// lastCut and nextCut bound the words around an " and ": a comma or
// semicolon, or the sentence's ends.
func lastCut(s string, i int) int {
	before := strings.TrimRight(s[:i], ", ") // "the review, and delivery": the comma belongs to the " and "
	if j := strings.LastIndexAny(before, ",;"); j >= 0 {
		return j + 1
	}
	return 0
}

func nextCut(s string, i int) int {
	j := strings.Index(s[i:], " and ")
	k := strings.IndexAny(s[i:], ",;")
	switch {
	case j < 0 && k < 0:
		return len(s)
	case j < 0 || (k >= 0 && k < j):
		return i + k
	default:
		return i + j
	}
}

// hasVerbMarker reports whether ws hold a verb of commitment.
func hasVerbMarker(ws []sentenceWord) bool {
	_, ok := findMarker(ws)
	return ok
}

// marker is the verb of a commitment in a clause.
type marker struct {
	at      int // index of its first word
	verb    int // index of its main verb (the participle of a passive)
	status  string
	passive bool
	// happening is an intransitive verb of occurrence ("take place"),
	// which a thing may do: "Meetings will take place monthly".
	happening bool
}

// findMarker finds the first verb of commitment in ws.
func findMarker(ws []sentenceWord) (marker, bool) {
	at := func(i int) string {
		if i >= 0 && i < len(ws) {
			return ws[i].lower
		}
		return ""
	}
	for i := range ws {
		w := ws[i].lower
		switch w {
		case "will", "shall":
			if i > 0 && at(i-1) == "the" {
				continue // "the will of"
			}
			j := skipAdverbs(ws, i+1)
			switch {
			case at(j) == "continue" && at(j+1) == "to":
				k := j + 2
				if at(k) == "be" && isParticiple(at(k+1)) {
					return marker{at: i, verb: k + 1, status: StatusUnderWay, passive: true}, true
				}
				return marker{at: i, verb: k, status: StatusUnderWay}, true
			case at(j) == "be":
				k := skipAdverbs(ws, j+1)
				if isParticiple(at(k)) {
					return marker{at: i, verb: k, status: StatusPromised, passive: true}, true
				}
				if isGerund(at(k)) {
					return marker{at: i, verb: k, status: StatusPromised}, true
				}
			case isBaseVerb(at(j)):
				return marker{at: i, verb: j, status: StatusPromised, happening: happens(at(j), at(j+1))}, true
			}
		case "is", "are", "am":
			j := skipAdverbs(ws, i+1)
			switch {
			case at(j) == "to" && isBaseVerb(at(j+1)):
				return marker{at: i, verb: j + 1, status: StatusPromised}, true
			case at(j) == "going" && at(j+1) == "to":
				return marker{at: i, verb: j + 2, status: StatusPromised}, true
			case (at(j) == "committed" || at(j) == "scheduled" || at(j) == "planned" || at(j) == "due") && at(j+1) == "to":
				return marker{at: i, verb: j + 2, status: StatusPromised, happening: at(j) != "committed"}, true
			case (at(j) == "under" && at(j+1) == "way") || at(j) == "underway" || (at(j) == "in" && at(j+1) == "progress"):
				return marker{at: i, verb: j, status: StatusUnderWay, happening: true}, true // "Work is under way"
			case at(j) == "being" && isParticiple(at(j+1)):
				return marker{at: i, verb: j + 1, status: StatusUnderWay, passive: true}, true
			case isGerund(at(j)):
				return marker{at: i, verb: j, status: StatusUnderWay, happening: happens(at(j), at(j+1))}, true
			}
		case "has", "have":
			if i > 0 && at(i-1) == "to" {
				continue // "have to": an obligation, not a deed
			}
			j := skipAdverbs(ws, i+1)
			switch {
			case at(j) == "been":
				k := skipAdverbs(ws, j+1)
				if isParticiple(at(k)) && !stativeVerbs[at(k)] {
					return marker{at: i, verb: k, status: StatusDone, passive: true}, true
				}
			case startVerbs[at(j)]:
				return marker{at: i, verb: j, status: StatusUnderWay}, true
			case isParticiple(at(j)) && !stativeVerbs[at(j)]:
				return marker{at: i, verb: j, status: StatusDone}, true
			}
		case "was", "were":
			j := skipAdverbs(ws, i+1)
			if isParticiple(at(j)) && !stativeVerbs[at(j)] {
				return marker{at: i, verb: j, status: StatusDone, passive: true}, true
			}
		case "continue", "continues":
			if at(i+1) == "to" && at(i-1) != "to" && (i == 0 || !determiners[at(i-1)]) {
				return marker{at: i, verb: i + 2, status: StatusUnderWay}, true
			}
		case "plan", "plans", "intend", "intends", "aim", "aims", "propose", "proposes", "commit", "commits":
			if at(i+1) == "to" && isBaseVerb(at(i+2)) && (i == 0 || !determiners[at(i-1)]) {
				return marker{at: i, verb: i + 2, status: StatusPromised}, true
			}
		case "we", "they":
			// The simple past after a pronoun: "we examined", "we met".
			j := skipAdverbs(ws, i+1)
			if v := at(j); (isRegularPast(v) && !stativeVerbs[v]) || irregularPast[v] {
				return marker{at: i + 1, verb: j, status: StatusDone}, true
			}
		}
	}
	return marker{}, false
}

var determiners = setOf("a", "an", "the", "this", "that", "these", "those", "our", "its", "their", "his", "her", "my", "your", "any", "each", "every", "no")

// Words that cannot be the verb after "will": "will" is then no auxiliary.
var notVerbs = setOf("a", "an", "the", "of", "and", "or", "to", "that", "this", "these", "those", "in", "on", "at",
	"by", "for", "with", "from", "as", "be", "been", "being", "is", "are", "was", "were", "it", "they", "we", "")

func isBaseVerb(w string) bool { return !notVerbs[w] && !strings.HasSuffix(w, "ing") }

// happens reports whether a verb is one that a thing can do by itself.
func happens(verb, next string) bool {
	switch verb {
	case "take", "takes", "taking":
		return next == "place"
	case "happen", "happening", "occur", "occurring", "start", "starting", "begin", "beginning", "commence",
		"run", "running", "resume", "meet", "meeting", "continue", "proceed", "go":
		return true
	}
	return false
}

// skipAdverbs steps over adverbs and "not" between an auxiliary and its verb.
func skipAdverbs(ws []sentenceWord, i int) int {
	for i < len(ws) {
		w := ws[i].lower
		if adverbs[w] || (strings.HasSuffix(w, "ly") && len(w) > 4 && !lyVerbs[w]) {
			i++
			continue
		}
		break
	}
	return i
}

var adverbs = setOf("also", "further", "then", "now", "still", "already", "not", "just", "since", "again", "both",
	"all", "each", "together", "first", "soon", "jointly", "additionally", "therefore", "now", "thus", "hence", "often")

var lyVerbs = setOf("apply", "supply", "rely", "reply", "comply", "multiply", "ally", "rally", "tally", "fly")

func isGerund(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !notGerunds[w]
}

var notGerunds = setOf("nothing", "something", "anything", "everything", "during", "ongoing", "outstanding",
	"interesting", "challenging", "encouraging", "pleasing", "missing", "existing", "remaining", "concerning",
	"regarding", "including", "following", "according", "bring", "string", "spring", "thing", "things",
	"morning", "evening", "ceiling", "underlying", "overarching", "pressing", "promising", "willing")

func isRegularPast(w string) bool {
	return len(w) >= 4 && strings.HasSuffix(w, "ed") && !notPasts[w]
}

var notPasts = setOf("need", "indeed", "embed", "proceed", "exceed", "succeed", "speed", "breed", "feed", "seed", "shed", "bed", "red")

func isParticiple(w string) bool { return isRegularPast(w) || irregularParticiples[w] }

var irregularParticiples = setOf("put", "set", "made", "held", "done", "taken", "given", "begun", "met", "kept",
	"run", "sent", "built", "brought", "written", "undertaken", "drawn", "shown", "led", "spent", "sought",
	"taught", "won", "chosen", "grown", "known", "seen", "found", "told", "paid", "laid", "read", "cut", "let",
	"become", "got", "thought", "understood", "withdrawn", "overseen", "rewritten", "dealt", "meant", "struck",
	"upheld", "broken", "spoken", "driven", "frozen", "sent", "hit", "lent", "shut", "spread", "stood", "forgotten")

var irregularPast = setOf("met", "held", "made", "took", "gave", "began", "ran", "sent", "put", "set", "wrote",
	"built", "brought", "led", "sought", "spent", "undertook", "drew", "chose", "taught", "won", "oversaw", "dealt", "spoke")

// Verbs that say what someone saw, knew or felt, not what they did.
var stativeVerbs = setOf("seen", "noted", "found", "recognised", "recognized", "acknowledged", "welcomed",
	"received", "had", "felt", "heard", "known", "become", "shown", "demonstrated", "experienced", "faced",
	"enjoyed", "observed", "highlighted", "been", "got", "remained", "maintained", "achieved", "noticed",
	"considered", "concluded", "accepted", "appreciated", "understood", "believed", "thought", "wanted", "liked",
	"needed", "seemed", "appeared", "contributed", "resulted", "suffered", "benefited", "benefitted",
	// participles that say how someone or something is, not what was done
	"pleased", "delighted", "disappointed", "encouraged", "concerned", "surprised", "interested", "satisfied",
	"reassured", "assured", "determined", "based", "located", "situated", "required", "expected", "entitled")

// Verbs that start an action that then goes on: "we have started".
var startVerbs = setOf("started", "begun", "commenced", "embarked")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
