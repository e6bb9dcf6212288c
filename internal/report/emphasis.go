package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripEmphasis drops markdown emphasis (*x*, **x**, _x_, __x__) and code
// backticks, keeping every other character: an asterisk or underscore
// that does not open or close emphasis is text ("3 * 4 backlogs",
// snake_case, a "* " bullet). Delimiter runs are paired as CommonMark
// pairs them: a run can open when it is left-flanking (followed by a
// non-space, and not by punctuation unless preceded by space or
// punctuation) and close when it is right-flanking (the mirror image); an
// underscore inside a word does neither. A run with no partner on the line
// that can only open or only close is taken for emphasis spanning lines
// ("**CPS Response to ...\nLondon South**") and dropped; one that can do
// neither (" * ") or both ("5*3") is text.
func stripEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_`\\") {
		return s
	}
	type run struct {
		start, end int // byte range in s
		c          byte
		open       bool
		drop       bool
		oneSided   bool // could open or close, not both
	}
	var runs []run
	var escaped map[int]bool // positions of backslashes that escape; made when one does
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); i+1 < len(s) && unicode.IsPunct(next) {
				if escaped == nil {
					escaped = map[int]bool{}
				}
				escaped[i] = true
				i++ // the escaped character is text
			}
		case '*', '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			prevSpace, nextSpace := i == 0 || unicode.IsSpace(prev), j == len(s) || unicode.IsSpace(next)
			prevPunct, nextPunct := i > 0 && isPunct(prev), j < len(s) && isPunct(next)
			left := !nextSpace && (!nextPunct || prevSpace || prevPunct)
			right := !prevSpace && (!prevPunct || nextSpace || nextPunct)
			canOpen, canClose := left, right
			if c == '_' {
				canOpen, canClose = left && (!right || prevPunct), right && (!left || nextPunct)
			}
			closed := false
			if canClose {
				for k := len(runs) - 1; k >= 0; k-- {
					if runs[k].open && !runs[k].drop && runs[k].c == c {
						runs[k].drop = true
						for m := k + 1; m < len(runs); m++ {
							runs[m].open = false // openers inside a closed pair stay text
						}
						runs = append(runs, run{i, j, c, false, true, false})
						closed = true
						break
					}
				}
			}
			if !closed {
				runs = append(runs, run{i, j, c, canOpen, false, canOpen != canClose})
			}
			i = j - 1
		}
	}
	b := make([]byte, 0, len(s))
	r := 0
	for i := 0; i < len(s); i++ {
		for r < len(runs) && runs[r].end <= i {
			r++
		}
		switch {
		case r < len(runs) && runs[r].start <= i && (runs[r].drop || runs[r].oneSided):
			continue
		case s[i] == '`':
			continue
		case s[i] == '\\' && escaped[i]:
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// stripTags replaces HTML tags with a space, so the words either side stay
// apart; a word in angle brackets that is not an HTML element ("<name of
// officer>", "<Area>") is text and stays.
func stripTags(s string) string {
	return htmlTag.ReplaceAllStringFunc(s, func(tag string) string {
		name := strings.TrimPrefix(tag[1:], "/")
		if k := strings.IndexFunc(name, func(r rune) bool {
			return !(r == '-' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
		}); k >= 0 {
			name = name[:k]
		}
		if htmlElements[strings.ToLower(name)] {
			return " "
		}
		return tag
	})
}

// htmlElements are the HTML element names a document's markup may use.
var htmlElements = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`a abbr acronym address area article aside audio b base bdi bdo big blockquote body br
		button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
		fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
		img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output
		p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong
		style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr math`) {
		htmlElements[name] = true
	}
}
