package report

import (
	"fmt"
	"strings"
	"sync"
)

// segment ranks: where a piece of evidence for the programme or the kind
// stands. The title names the document; the metadata describes it; the
// opening paragraph introduces it; later paragraphs may be about others.
const (
	inLater = iota + 1
	inOpening
	inMetadata
	inTitle
)

var segmentWhere = map[int]string{inLater: "a later paragraph", inOpening: "the opening paragraph",
	inMetadata: "the metadata block", inTitle: "the title"}

// evidence is one piece of text the programme and kind are read from.
type evidence struct {
	toks []string
	ms   []match // the intro vocabularies' terms in toks (Parser.introTerms)
	line int
	rank int
}

// evidenceTexts are the title, the metadata lines, and the sentences of the
// intro, with their ranks.
func (d *docState) evidenceTexts(intro []paragraph, sc *evidenceScratch) []evidence {
	// The words come from the lines' lower-case text, which needs no
	// lower-casing word by word, and all go into one slice: each piece of
	// evidence holds its part.
	size := len(d.r.Title)
	for _, p := range intro {
		for _, l := range p.lines {
			size += len(l.lower) + 1
		}
	}
	words := sc.words[:0]
	if cap(words) < size/5+8 {
		words = make([]string, 0, size/5+8)
	}
	defer func() { sc.words = words }()
	toks := func(s string) []string {
		from := len(words)
		words = appendTokens(words, s)
		return words[from:len(words):len(words)]
	}
	ev := sc.ev[:0]
	defer func() { sc.ev = ev }()
	ev = append(ev, evidence{toks: toks(d.r.Title), line: d.r.Lines.Title, rank: inTitle})
	for _, l := range d.metaLines {
		ev = append(ev, evidence{toks: toks(l.lower), line: l.n, rank: inMetadata})
	}
	var lowers []string
	for i, p := range intro {
		rank := inLater
		if i == 0 {
			rank = inOpening
		}
		if p.lines[0].bullet {
			// List items are read one by one, each at its own line.
			for _, l := range p.lines {
				ev = append(ev, evidence{toks: toks(l.lower), line: l.n, rank: rank})
			}
			continue
		}
		lowers = lowers[:0]
		for _, l := range p.lines {
			lowers = append(lowers, l.lower)
		}
		// Each sentence is cited at the line it starts on.
		li, lineEnd := 0, len(p.lines[0].lower)
		text := strings.Join(lowers, " ")
		for off := 0; off < len(text); {
			end := sentenceEnd(text, off)
			for off >= lineEnd+1 && li+1 < len(p.lines) {
				li++
				lineEnd += 1 + len(p.lines[li].lower)
			}
			ev = append(ev, evidence{toks: toks(text[off:end]), line: p.lines[li].n, rank: rank})
			off = end
		}
	}
	d.withMatches(ev, sc)
	return ev
}

// evidenceScratch holds the slices evidenceTexts reads a document's intro
// into, for the next document to reuse once readIntro is done with them:
// made for each document, they were a sixth of the bytes Parse allocates
// (BenchmarkParse, BenchmarkParseGenerated).
type evidenceScratch struct {
	words []string
	ev    []evidence
	ms    []match
}

var evidenceScratches = sync.Pool{New: func() any { return new(evidenceScratch) }}

// release drops what the slices point to, so that a document kept in the
// pool keeps no text alive, and puts sc back in the pool.
func (sc *evidenceScratch) release() {
	clear(sc.words[:cap(sc.words)])
	clear(sc.ev[:cap(sc.ev)])
	clear(sc.ms[:cap(sc.ms)])
	evidenceScratches.Put(sc)
}

// readProgramme takes the programme named in the strongest place. A
// programme with "requires" terms counts where those are named in the same
// sentence, the title or the metadata, and ranks as the title when the
// title names them. A sentence naming two programmes compares them and
// identifies neither, and a programme named after a year ("the 2016-19
// Area Assurance Programme") is an earlier one. With none named, a
// document about no single Area and not about all of them is the national
// programme's, if its title, metadata or opening paragraph names what that
// one requires ("following their Inspection of CPS Handling of ...").
func (d *docState) readProgramme(ev []evidence) {
	r := d.r
	progs := d.p.cfg.Programmes
	inHead := make([]bool, len(progs)) // requires named in the title or metadata
	inOpen := make([]bool, len(progs)) // requires named in the opening paragraph
	for _, e := range ev {
		if e.rank >= inOpening {
			for g := range progs {
				named := d.p.hasVocab(e.ms, inRequires, g)
				if e.rank >= inMetadata {
					inHead[g] = inHead[g] || named
				} else {
					inOpen[g] = inOpen[g] || named
				}
			}
		}
	}
	best, bestRank, bestLine, bestWhere, bestViaHead := -1, 0, 0, 0, false
	var buf []match
	found := map[int]bool{}
	for _, e := range ev {
		toks := e.toks
		clear(found)
		buf = d.p.vocab(buf[:0], e.ms, inProgrammes)
		for _, m := range buf {
			g := m.group
			if progs[g].National && d.r.Area != "" {
				continue
			}
			if len(progs[g].Requires) > 0 && !inHead[g] && !d.p.hasVocab(e.ms, inRequires, g) {
				if d.ex != nil {
					d.lost("programme", progs[g].ID, e.line, fmt.Sprintf("%q is named without any of its required terms", m.label))
				}
				continue
			}
			if m.pos > 0 && isNumberToken(toks[m.pos-1]) {
				if d.ex != nil {
					d.lost("programme", progs[g].ID, e.line, fmt.Sprintf("%q follows a year: an earlier programme", m.label))
				}
				continue
			}
			found[g] = true
		}
		if len(found) > 1 {
			for g := range progs {
				if found[g] {
					d.lost("programme", progs[g].ID, e.line, "named beside another programme: the sentence compares them")
				}
			}
			continue
		}
		for g := range found {
			rank, viaHead := e.rank, false
			if len(progs[g].Requires) > 0 && inHead[g] && rank < inTitle {
				rank, viaHead = inTitle, true
			}
			switch {
			case rank > bestRank:
				if best >= 0 {
					if d.ex != nil {
						d.lost("programme", progs[best].ID, bestLine, "named in "+segmentWhere[bestRank]+", a weaker place")
					}
				}
				best, bestRank, bestLine, bestWhere, bestViaHead = g, rank, e.line, e.rank, viaHead
			case g != best:
				if d.ex != nil {
					d.lost("programme", progs[g].ID, e.line, "named in "+segmentWhere[e.rank]+", after a stronger mention")
				}
			}
		}
	}
	r.Programme = "unknown"
	if best >= 0 {
		r.Programme, r.Lines.Programme = progs[best].ID, bestLine
		if d.ex != nil {
			why := "named in " + segmentWhere[bestWhere]
			if bestViaHead {
				why += ", and what it requires in the title or metadata"
			}
			d.chose("programme", r.Programme, bestLine, why)
		}
		return
	}
	if d.r.Area != "" {
		d.chose("programme", r.Programme, 0, "no programme is named")
		return
	}
	for _, e := range ev {
		if e.rank >= inOpening && len(d.p.vocab(nil, e.ms, inAllAreas)) > 0 {
			d.chose("programme", r.Programme, e.line, "no programme is named, and the document is about all Areas")
			return
		}
	}
	for g, pr := range progs {
		if pr.National && (len(pr.Requires) == 0 || inHead[g] || inOpen[g]) {
			r.Programme, r.Lines.Programme = pr.ID, r.Lines.Title
			why := "no programme is named, and the document is about one topic in no single Area"
			if len(pr.Requires) > 0 && !inHead[g] {
				why += "; its opening paragraph names what the programme requires"
			}
			d.chose("programme", pr.ID, r.Lines.Title, why)
			return
		}
	}
}

// isNumberToken reports a token of digits alone: a year or a year range.
func isNumberToken(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return t != ""
}

// readKind takes the first configured kind whose term is in the strongest
// place that names any, else the default kind.
func (d *docState) readKind(ev []evidence) {
	r := d.r
	for _, k := range d.p.cfg.Kinds {
		if k.Default {
			r.Kind = k.Slug
		}
	}
	best, bestRank, bestLine, bestTerm := -1, 0, 0, ""
	var buf []match
	for _, e := range ev {
		buf = d.p.vocab(buf[:0], e.ms, inKinds)
		for _, m := range buf {
			if obj := d.p.objectBefore(m, e.toks); obj != "" {
				if d.ex != nil {
					d.lost("kind", d.p.cfg.Kinds[m.group].Slug, e.line, fmt.Sprintf("%q follows %q: what the sentence is about, not who speaks", m.label, obj))
				}
				continue
			}
			switch {
			case e.rank > bestRank || e.rank == bestRank && m.group < best:
				if best >= 0 && best != m.group {
					if d.ex != nil {
						d.lost("kind", d.p.cfg.Kinds[best].Slug, bestLine, fmt.Sprintf("%q weaker than %q", bestTerm, m.label))
					}
				}
				best, bestRank, bestLine, bestTerm = m.group, e.rank, e.line, m.label
			case m.group != best:
				if d.ex != nil {
					d.lost("kind", d.p.cfg.Kinds[m.group].Slug, e.line, fmt.Sprintf("%q in %s, weaker than %q", m.label, segmentWhere[e.rank], bestTerm))
				}
			}
		}
	}
	if best < 0 {
		d.chose("kind", r.Kind, 0, "no kind's term is in the text: the default kind")
		return
	}
	r.Kind, r.Lines.Kind = d.p.cfg.Kinds[best].Slug, bestLine
	if d.ex != nil {
		d.chose("kind", r.Kind, bestLine, fmt.Sprintf("%q in %s", bestTerm, segmentWhere[bestRank]))
	}
}

// objectWindow is how many words may stand between an object_after word
// and the kind's term it governs: room for a name ("published today by Her
// Majesty's Crown Prosecution Service Inspectorate").
const objectWindow = 8

// objectBefore returns the object_after term of m's kind that stands at most
// objectWindow words before m in toks, or "".
func (p *Parser) objectBefore(m match, toks []string) string {
	for _, o := range p.kindObject[m.group].findTokens(toks[:m.pos]) {
		if m.pos-(o.pos+len(o.words)) <= objectWindow {
			return o.label
		}
	}
	return ""
}

// withMatches finds the intro vocabularies' terms in each piece of
// evidence.
func (d *docState) withMatches(ev []evidence, sc *evidenceScratch) {
	all := sc.ms[:0]
	for i := range ev {
		from := len(all)
		all = d.p.introTerms.appendMatches(all, ev[i].toks)
		ev[i].ms = all[from:len(all):len(all)]
	}
	sc.ms = all
}
