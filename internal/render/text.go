package render

import (
	"sort"
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
)

// Text is a document's words as a page shows them: runs of plain text and
// the abbreviations in them, which templates mark up (the "text" partial).
// The words are never changed: an abbreviation's expansion is its Title,
// and the page lists the expansions it uses (Frame.Abbreviations).
type Text []Span

// Span is a run of text; Abbr is set when the run is a glossary
// abbreviation ("IQA", "IQAs", "CPS's").
type Span struct {
	Text string
	Abbr *Abbreviation
}

// Abbreviation is a glossary entry: "IQA", "Individual Quality
// Assessment", and the URL of its entry on the glossary page.
type Abbreviation struct {
	Abbr, Expansion, URL string
}

// glossary finds abbreviations in text.
type glossary struct {
	entries map[string]*Abbreviation
	// older holds the expansions that changed over time, by
	// abbreviation, each with the date before which it applies.
	older map[string][]olderExpansion
	// starts marks the bytes an abbreviation may begin with: a word that
	// begins otherwise needs no lookup.
	starts [256]bool
}

// olderExpansion is an abbreviation as documents dated before Before
// expand it ("Her Majesty's ..." before September 2022).
type olderExpansion struct {
	Before string
	Abbr   *Abbreviation
}

func newGlossary(cfg *config.Config, u urls) *glossary {
	g := &glossary{entries: map[string]*Abbreviation{}, older: map[string][]olderExpansion{}}
	for k, v := range cfg.Glossary {
		if k == "" {
			continue
		}
		g.entries[k] = &Abbreviation{Abbr: k, Expansion: v, URL: u.rel("/glossary/#" + strings.ToLower(k))}
		g.starts[k[0]] = true
	}
	for k, e := range g.entries {
		for _, o := range cfg.ExpansionHistory(k) {
			a := &Abbreviation{Abbr: k, Expansion: o.Expansion, URL: e.URL}
			g.older[k] = append(g.older[k], olderExpansion{string(o.Date), a})
		}
	}
	return g
}

// at is a as a document dated date (YYYY-MM-DD, or "") expands it: the
// earliest older expansion whose date is after the document's.
func (g *glossary) at(a *Abbreviation, date string) *Abbreviation {
	if date == "" {
		return a
	}
	for _, o := range g.older[a.Abbr] { // oldest first
		if date < o.Before {
			return o.Abbr
		}
	}
	return a
}

// text splits s, from a document dated date, into plain runs and
// abbreviations, each a whole word with an optional plural or possessive
// ending, expanded as at the document's date. One pass and a map lookup
// per word that could begin one, no regular expression.
func (g *glossary) text(s, date string) Text {
	if s == "" {
		return nil
	}
	var out Text
	last := 0
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if (i > 0 && s[i-1] >= 0x80) || (j < len(s) && s[j] >= 0x80 && !strings.HasPrefix(s[j:], "’")) || !g.starts[s[i]] {
			i = j // part of a word with non-ASCII letters, or no abbreviation starts so
			continue
		}
		word := s[i:j]
		a := g.entries[word]
		if a == nil && len(word) > 1 && word[len(word)-1] == 's' {
			a = g.entries[word[:len(word)-1]]
		}
		if a != nil {
			end := j
			if strings.HasPrefix(s[j:], "'s") {
				end = j + 2
			} else if strings.HasPrefix(s[j:], "’s") {
				end = j + len("’s")
			}
			if last < i {
				out = append(out, Span{Text: s[last:i]})
			}
			out = append(out, Span{Text: s[i:end], Abbr: g.at(a, date)})
			last = end
			j = end
		}
		i = j
	}
	if last < len(s) {
		out = append(out, Span{Text: s[last:]})
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// abbrSet gathers the abbreviations of the texts one page shows.
type abbrSet map[*Abbreviation]bool

func (s abbrSet) add(ts ...Text) {
	for _, t := range ts {
		for _, sp := range t {
			if sp.Abbr != nil {
				s[sp.Abbr] = true
			}
		}
	}
}

func (s abbrSet) addPhrases(ps []Phrase) {
	for _, p := range ps {
		s.add(p.Text)
	}
}

// list is the set A to Z; an abbreviation whose expansion changed over
// time, used by documents from either side of the change, is listed once
// per expansion, in the order of the expansions, not of the map.
func (s abbrSet) list() []*Abbreviation {
	if len(s) == 0 {
		return nil
	}
	out := make([]*Abbreviation, 0, len(s))
	for a := range s {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Abbr != out[j].Abbr {
			return out[i].Abbr < out[j].Abbr
		}
		return out[i].Expansion < out[j].Expansion
	})
	return out
}
