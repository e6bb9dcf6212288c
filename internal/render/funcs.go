package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// funcs are the template functions: pure helpers, given everything they
// use as arguments.
var funcs = template.FuncMap{
	"date":      displayDate,
	"monthYear": monthYear,
	"plural":    plural,
	"lower":     strings.ToLower,
	"add":       func(a, b int) int { return a + b },
	"url":       joinURL,
	"short":     short,
	"dict":      dict,
	"json":      toJSON,
}

// toJSON is a value as JSON, every exported field followed: for a script's
// data, or for a template that shows everything it is given.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// dict builds a map from alternating keys and values, to pass several
// values to a partial: {{template "x" (dict "Report" .Report "Sources" true)}}.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs pairs of arguments, got %d", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// displayDate shows "2018-04-05" as "5 April 2018"; "" as "Date not stated".
func displayDate(iso string) string {
	if iso == "" {
		return "Date not stated"
	}
	y, m, d, ok := splitISODate(iso)
	if !ok {
		return iso
	}
	return strconv.Itoa(d) + " " + time.Month(m).String() + " " + y
}

// monthYear shows "2018-04-05" as "April 2018".
func monthYear(iso string) string {
	y, m, _, ok := splitISODate(iso)
	if !ok {
		return "date not stated"
	}
	return time.Month(m).String() + " " + y
}

// splitISODate reads "YYYY-MM-DD" as a real calendar date, as time.Parse
// would, without its cost: these run for every date on every page.
func splitISODate(iso string) (year string, month, day int, ok bool) {
	if len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
		return "", 0, 0, false
	}
	for i, c := range []byte(iso) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return "", 0, 0, false
		}
	}
	y, _ := strconv.Atoi(iso[:4])
	month = int(iso[5]-'0')*10 + int(iso[6]-'0')
	day = int(iso[8]-'0')*10 + int(iso[9]-'0')
	if month < 1 || month > 12 || day < 1 || day > time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return "", 0, 0, false
	}
	return iso[:4], month, day, true
}

// plural writes "1 issue" or "3 issues".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// short keeps the first n words of s, adding "…" when it cut any.
func short(s string, n int) string {
	words, end := 0, len(s)
	inWord := false
	for i, c := range s {
		space := unicode.IsSpace(c)
		if !space && !inWord {
			if words == n {
				end = i
				break
			}
			words++
		}
		inWord = !space
	}
	if end == len(s) {
		return s
	}
	return strings.TrimRight(strings.Join(strings.Fields(s[:end]), " "), ",;:") + "…"
}
