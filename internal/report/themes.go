package report

import (
	"slices"
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
)

// themeTerms are a theme's terms, and its title as evidence too: the whole
// title, and each part of it joined by "and" that has more than one word
// ("Staff engagement and wellbeing" gives "staff engagement").
func themeTerms(th config.Theme) []string {
	terms := append(slices.Clone(th.Terms), th.Title)
	for _, part := range strings.Split(th.Title, " and ") {
		if part = strings.TrimSpace(part); strings.Contains(part, " ") && part != th.Title {
			terms = append(terms, part)
		}
	}
	return terms
}

// asideWords open the part of an issue that gives examples or a purpose
// rather than the problem itself: "..., particularly around bad character
// and hearsay", "... so that victims are kept informed".
var asideWords = [][]string{{"particularly"}, {"in", "particular"}, {"including"}, {"such", "as"},
	{"for", "example"}, {"especially"}, {"so", "that"}, {"in", "order", "to"}, {"so", "as", "to"}, {"e", "g"}}

// asideAt is the index of the first token opening an aside, or len(toks).
func asideAt(toks []string) int {
	for i := range toks {
		for _, a := range asideWords {
			if i+len(a) <= len(toks) && slices.Equal(toks[i:i+len(a)], a) {
				return i
			}
		}
	}
	return len(toks)
}

// assignThemes gives each issue the themes its own text is about. The
// problem the issue states comes first: when its main clause names themes,
// those are the issue's, and themes named only in an aside (examples, a
// purpose) are not. When only an aside names any, the aside's themes are
// the issue's, and the opening of the response, weaker evidence, may add
// its own; when the text names none, the response's themes are used.
//
// The matches of all the issues go into three slices made once (themesOf
// keeps none of them), not into new ones for each issue
// (BenchmarkParseGenerated).
func (p *Parser) assignThemes(r *Report) {
	var words []string
	var found, more, inMain []match
	for i := range r.Issues {
		is := &r.Issues[i]
		found = dropCovered(p.themes.appendIn(found[:0], is.Text, &words))
		ms := found
		main := asideAt(words)
		inMain = inMain[:0]
		for _, m := range ms {
			if m.pos < main {
				inMain = append(inMain, m)
			}
		}
		switch {
		case len(inMain) > 0:
			ms = inMain
		case len(ms) > 0:
			more = dropCovered(p.themes.appendIn(more[:0], openingSentences(is.Response, 2), &words))
			ms = append(ms, more...)
		default:
			ms = dropCovered(p.themes.appendIn(found[:0], is.Response, &words))
		}
		is.Themes, is.ThemeTerms = p.themesOf(ms)
	}
}

// openingSentences is the first n sentences of s.
func openingSentences(s string, n int) string {
	ss := splitSentences(s)
	return strings.Join(ss[:min(n, len(ss))], "")
}

// themesOf groups matched terms by theme, in the themes' order.
func (p *Parser) themesOf(ms []match) ([]string, ThemeTerms) {
	themes, tt := []string{}, ThemeTerms{}
	var buf [32][]string // each theme's terms, on the stack for most sites
	terms := buf[:0]
	if len(p.cfg.Themes) > len(buf) {
		terms = make([][]string, len(p.cfg.Themes))
	}
	terms = terms[:len(p.cfg.Themes)]
	for _, m := range ms {
		if !slices.Contains(terms[m.group], m.label) {
			terms[m.group] = append(terms[m.group], m.label)
		}
	}
	for g, ts := range terms {
		if ts != nil {
			slug := p.cfg.Themes[g].Slug
			themes = append(themes, slug)
			tt = append(tt, ThemeTerm{slug, ts})
		}
	}
	return themes, tt
}

// readNarrativeThemes records the themes the narrative discusses: those
// whose terms occur in two sentences or more, or as two different terms.
// It reads the intro's sentences among the evidence, already in words.
func (d *docState) readNarrativeThemes(ev []evidence) {
	th := d.p.cfg.Themes
	terms := make([][]string, len(th))
	lines := make([][]int, len(th))
	sentences := make([]int, len(th))
	inSentence := make([]bool, len(th))
	var buf []match
	for _, e := range ev {
		if e.rank > inOpening {
			continue // the title and metadata are not narrative
		}
		clear(inSentence)
		buf = dropCovered(d.p.vocab(buf[:0], e.ms, inThemes))
		for _, m := range buf {
			g := m.group
			if !inSentence[g] {
				sentences[g]++
				inSentence[g] = true
			}
			if !slices.Contains(terms[g], m.label) {
				terms[g] = append(terms[g], m.label)
			}
			if !slices.Contains(lines[g], e.line) {
				lines[g] = append(lines[g], e.line)
			}
		}
	}
	for g := range th {
		if sentences[g] >= 2 || len(terms[g]) >= 2 {
			d.r.NarrativeThemes = append(d.r.NarrativeThemes, th[g].Slug)
			d.r.NarrativeThemeTerms = append(d.r.NarrativeThemeTerms, NarrativeTheme{th[g].Slug, terms[g], lines[g]})
		}
	}
}

// dropCovered removes matches, found in one text, lying within a longer
// one: "case management" in "case management system" is part of that term.
func dropCovered(ms []match) []match {
	out := ms[:0]
	for i, m := range ms {
		covered := false
		for j, o := range ms {
			if j != i && len(o.words) > len(m.words) && o.pos <= m.pos && m.pos+len(m.words) <= o.pos+len(o.words) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, m)
		}
	}
	return out
}
