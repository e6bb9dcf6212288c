package opendata

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/report"
)

// appendReport writes r as json.MarshalIndent(r, "    ", "  ") would,
// without reflection: reports.json holds every report of the site, and
// this is a large site's single biggest file. TestJSONMatchesEncodingJSON
// holds the two to the same bytes.
func appendReport(b []byte, r *report.Report) []byte {
	j := jsonWriter{b: b, prefix: "    "}
	j.open('{')
	j.key("id").str(r.ID)
	j.key("source").str(r.Source)
	j.key("title").str(r.Title)
	j.key("area").str(r.Area)
	j.key("area_slug").str(r.AreaSlug)
	j.key("date").str(r.Date)
	j.key("programme").str(r.Programme)
	j.key("kind").str(r.Kind)
	j.key("ratings")
	if r.Ratings == nil {
		j.null()
	} else {
		keys := make([]string, 0, len(r.Ratings))
		for k := range r.Ratings {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		j.open('{')
		for _, k := range keys {
			j.key(k).str(r.Ratings[k])
		}
		j.close('}')
	}
	j.key("other_ratings")
	if r.OtherRatings == nil {
		j.null()
	} else {
		j.open('[')
		for _, o := range r.OtherRatings {
			j.item().open('{')
			j.key("label").str(o.Label)
			j.key("rating").str(o.Rating)
			j.close('}')
		}
		j.close(']')
	}
	j.key("issues")
	if r.Issues == nil {
		j.null()
	} else {
		j.open('[')
		for i := range r.Issues {
			j.item().issue(&r.Issues[i])
		}
		j.close(']')
	}
	j.key("url").str(r.URL)
	j.key("narrative_themes").strs(r.NarrativeThemes)
	j.key("narrative_theme_terms").open('{') // an object even when nil, as its MarshalJSON writes
	for _, nt := range slices.SortedFunc(slices.Values(r.NarrativeThemeTerms), byTheme) {
		j.key(nt.Theme).open('{')
		j.key("terms").strs(nt.Terms)
		j.key("lines").ints(nt.Lines)
		j.close('}')
	}
	j.close('}')
	j.key("source_url").str(r.SourceURL)
	j.close('}')
	return j.b
}

func byTheme(a, b report.NarrativeTheme) int { return strings.Compare(a.Theme, b.Theme) }

// ints writes a list of numbers, null for nil.
func (j *jsonWriter) ints(ns []int) {
	if ns == nil {
		j.null()
		return
	}
	j.open('[')
	for _, n := range ns {
		j.item().int(n)
	}
	j.close(']')
}

func (j *jsonWriter) issue(is *report.Issue) {
	j.open('{')
	j.key("number").int(is.Number)
	j.key("text").str(is.Text)
	j.key("response").str(is.Response)
	j.key("response_covers")
	if is.ResponseCovers == nil {
		j.null()
	} else {
		j.open('[')
		for _, n := range is.ResponseCovers {
			j.item().int(n)
		}
		j.close(']')
	}
	j.key("joint_with").strs(is.JointWith)
	j.key("themes").strs(is.Themes)
	j.key("theme_terms")
	if is.ThemeTerms == nil {
		j.null()
	} else {
		j.open('{')
		for _, t := range is.ThemeTerms.Sorted() {
			j.key(t.Theme).strs(t.Terms)
		}
		j.close('}')
	}
	j.key("commitments")
	if is.Commitments == nil {
		j.null()
	} else {
		j.open('[')
		for i := range is.Commitments {
			j.item().commitment(&is.Commitments[i])
		}
		j.close(']')
	}
	j.close('}')
}

func (j *jsonWriter) commitment(c *report.Commitment) {
	j.open('{')
	j.key("text").str(c.Text)
	j.key("owners").strs(c.Owners)
	j.key("timeframe").str(c.Timeframe)
	j.key("timeframe_read").str(c.TimeframeRead)
	j.key("timeframe_relative").bool(c.TimeframeRelative)
	j.key("status").str(c.Status)
	j.key("line").int(c.Line)
	j.close('}')
}

// jsonWriter appends indented JSON: each container's members on lines of
// their own, indented two spaces a level after prefix.
type jsonWriter struct {
	b      []byte
	prefix string
	depth  int
	first  bool // no member written yet in the open container
}

func (j *jsonWriter) newline() {
	j.b = append(j.b, '\n')
	j.b = append(j.b, j.prefix...)
	for i := 0; i < j.depth; i++ {
		j.b = append(j.b, "  "...)
	}
}

func (j *jsonWriter) open(c byte) {
	j.b = append(j.b, c)
	j.depth++
	j.first = true
}

// close ends a container; an empty one stays "[]" or "{}".
func (j *jsonWriter) close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.b = append(j.b, c)
	j.first = false
}

// item starts the next member of an array.
func (j *jsonWriter) item() *jsonWriter {
	if !j.first {
		j.b = append(j.b, ',')
	}
	j.first = false
	j.newline()
	return j
}

// key starts the next member of an object.
func (j *jsonWriter) key(k string) *jsonWriter {
	j.item()
	j.b = AppendJSONString(j.b, k, true)
	j.b = append(j.b, ": "...)
	return j
}

func (j *jsonWriter) str(s string) { j.b = AppendJSONString(j.b, s, true) }
func (j *jsonWriter) int(n int)    { j.b = strconv.AppendInt(j.b, int64(n), 10) }
func (j *jsonWriter) null()        { j.b = append(j.b, "null"...) }
func (j *jsonWriter) bool(v bool)  { j.b = strconv.AppendBool(j.b, v) }

func (j *jsonWriter) strs(ss []string) {
	if ss == nil {
		j.null()
		return
	}
	j.open('[')
	for _, s := range ss {
		j.item().str(s)
	}
	j.close(']')
}

// AppendJSONString quotes s as encoding/json does: control characters,
// quotes and backslashes escaped, invalid UTF-8 as U+FFFD, U+2028 and
// U+2029 escaped, and with html also <, > and &.
func AppendJSONString(b []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
