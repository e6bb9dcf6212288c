package report

import (
	"strings"
	"unicode"
)

// foldAccents maps accented Latin letters (Welsh circumflexes included) to
// their plain letter.
var foldAccents = map[rune]rune{}

func init() {
	for plain, accented := range map[rune]string{
		'a': "àáâãäåāă", 'c': "çćč", 'e': "èéêëēėę", 'i': "ìíîïī", 'n': "ñń", 'o': "òóôõöøō",
		'u': "ùúûüū", 'w': "ŵẁẃẅ", 'y': "ýÿŷỳ", 's': "śš", 'z': "źżž", 'l': "ł", 'd': "ð",
	} {
		for _, r := range accented {
			foldAccents[r] = plain
			foldAccents[unicode.ToUpper(r)] = plain
		}
	}
}

// Slugify makes a URL- and file-safe slug: lowercase a-z, 0-9 and single
// hyphens, at most 80 characters. Accented letters lose their accents;
// anything else (slashes, dots, "..") becomes a hyphen. It never returns
// "" : an empty result becomes "untitled".
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if f, ok := foldAccents[r]; ok {
			r = f
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			hyphen = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			hyphen = false
		case r == '\'' || r == '’':
			// apostrophes vanish: "Director's" → "directors"
		default:
			if !hyphen && b.Len() > 0 {
				b.WriteByte('-')
				hyphen = true
			}
		}
		if b.Len() >= 80 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "untitled"
	}
	return out
}
