package config

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checker records problems with values, each at the line of its key.
type checker struct {
	bad func(key, format string, args ...any)
}

// languageTag is the shape of a BCP 47 tag as lang= takes it: a language
// of 2 or 3 letters, then subtags ("en-GB", "cy", "sr-Latn-RS").
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)

// contactSchemes are the URL schemes a contact link may use.
var contactSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// checkValues validates what validate leaves: the language, the contact
// link, the lists pages need at least one of, the words pages index by
// their first letter, and every term the reader matches.
func checkValues(c *Config, ck checker) {
	if c.Language != "" && !languageTag.MatchString(c.Language) {
		ck.bad("language", "language %q is not a language tag such as en-GB or cy", c.Language)
	}
	if c.ContactURL != "" {
		u, err := url.Parse(c.ContactURL)
		switch {
		case err != nil:
			ck.bad("contact_url", "contact_url %q is not a URL: %v", c.ContactURL, unwrapURL(err))
		case u.Scheme == "" && !strings.HasPrefix(c.ContactURL, "/"):
			ck.bad("contact_url", "contact_url %q must be a full URL (https:, mailto:, tel:) or a path starting with /", c.ContactURL)
		case u.Scheme != "" && !contactSchemes[strings.ToLower(u.Scheme)]:
			ck.bad("contact_url", "contact_url %q uses the scheme %q; use https:, http:, mailto: or tel:", c.ContactURL, u.Scheme)
		}
	}
	if len(c.Criteria) == 0 {
		ck.bad("criterion", "at least one [[criterion]] is needed: the comparison pages are tables of criteria")
	}
	if len(c.Themes) == 0 {
		ck.bad("theme", "at least one [[theme]] is needed: the themes pages and the comparison list them")
	}
	for i, cr := range c.Criteria {
		if strings.TrimSpace(cr.Title) == "" {
			ck.bad(fmt.Sprintf("criterion#%d", i+1), "criterion %q has no title", cr.Slug)
		}
		checkNames(ck, fmt.Sprintf("criterion#%d.aliases", i+1), "criterion "+quote(cr.Slug)+" alias", cr.Aliases)
	}
	for i, a := range c.Areas {
		checkNames(ck, fmt.Sprintf("area#%d.aliases", i+1), "area "+quote(a.Slug)+" alias", a.Aliases)
	}
	for i, p := range c.Programmes {
		checkTerms(ck, fmt.Sprintf("programme#%d.terms", i+1), "programme "+quote(p.ID), p.Terms)
		checkTerms(ck, fmt.Sprintf("programme#%d.requires", i+1), "programme "+quote(p.ID)+" requires", p.Requires)
	}
	for i, k := range c.Kinds {
		if strings.TrimSpace(k.Title) == "" {
			ck.bad(fmt.Sprintf("kind#%d", i+1), "kind %q has no title", k.Slug)
		}
		checkTerms(ck, fmt.Sprintf("kind#%d.terms", i+1), "kind "+quote(k.Slug), k.Terms)
		checkTerms(ck, fmt.Sprintf("kind#%d.object_after", i+1), "kind "+quote(k.Slug)+" object_after", k.ObjectAfter)
	}
	for i, t := range c.Themes {
		checkTerms(ck, fmt.Sprintf("theme#%d.terms", i+1), "theme "+quote(t.Slug), t.Terms)
	}
	checkTerms(ck, "extract.issue_headings", "issue heading", c.Extract.IssueHeadings)
	checkTerms(ck, "extract.issue_nouns", "issue noun", c.Extract.IssueNouns)
	checkNames(ck, "extract.response_labels", "response label", c.Extract.ResponseLabels)
	if len(c.Extract.IssueHeadings) == 0 {
		ck.bad("extract.issue_headings", "issue_headings must list at least one heading, or no issue is ever found")
	}
	if len(c.Extract.ResponseLabels) == 0 {
		ck.bad("extract.response_labels", "response_labels must list at least one label, or no response is ever found")
	}
	checkIndexWords(ck, "ratings", "rating word", c.Ratings)
	keys := make([]string, 0, len(c.Glossary))
	for k := range c.Glossary {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		checkIndexWords(ck, "glossary."+k, "glossary key", []string{k})
		if s := textControls(c.Glossary[k]); s != "" {
			ck.bad("glossary."+k, "glossary entry %q holds a control character (%s)", k, s)
		}
	}
	seen := map[string]string{}
	for _, k := range keys {
		low := strings.ToLower(k)
		if first, ok := seen[low]; ok {
			ck.bad("glossary."+k, "glossary keys %q and %q differ only in case, and would share one id on the glossary page", first, k)
		}
		seen[low] = k
	}
	for _, f := range []struct{ key, value, bad string }{
		{"title", c.Title, controls(c.Title)},
		{"description", c.Description, textControls(c.Description)},
		{"contact_label", c.ContactLabel, controls(c.ContactLabel)},
	} {
		if f.bad != "" {
			ck.bad(f.key, "%s holds a control character (%s)", f.key, f.bad)
		}
	}
}

// checkIndexWords checks words that pages list by their first letter (the
// glossary) or use as ids and chart keys (ratings): each non-empty,
// starting with an ASCII letter or digit, and none twice in any case.
func checkIndexWords(ck checker, key, what string, words []string) {
	seen := map[string]bool{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.TrimSpace(w) == "":
			ck.bad(key, "a %s is empty", what)
		case r >= utf8.RuneSelf || !(unicode.IsLetter(r) || unicode.IsDigit(r)):
			ck.bad(key, "%s %q must begin with a letter A-Z or a digit: pages index it by its first character", what, w)
		case controls(w) != "":
			ck.bad(key, "%s %q holds a control character (%s)", what, w, controls(w))
		case seen[strings.ToLower(w)]:
			ck.bad(key, "%s %q is listed twice (letter case aside)", what, w)
		}
		seen[strings.ToLower(w)] = true
	}
}

// checkNames checks names matched as phrases: none empty.
func checkNames(ck checker, key, what string, names []string) {
	for _, n := range names {
		switch {
		case strings.TrimSpace(n) == "":
			ck.bad(key, "a %s is empty", what)
		case controls(n) != "":
			ck.bad(key, "%s %q holds a control character (%s)", what, n, controls(n))
		}
	}
}

// checkTerms checks terms as the reader matches them: words of letters,
// digits, apostrophes and hyphens, each of which may end in one "*" to
// match any ending. A term with no word, or a "*" anywhere else, is a
// pattern the reader does not have ("**", "*closure", "(.*)") and would
// never match as its author meant.
func checkTerms(ck checker, key, what string, terms []string) {
	for _, t := range terms {
		if why := termProblem(t); why != "" {
			ck.bad(key, "%s term %q can never match as meant: %s", what, t, why)
		}
	}
}

func termProblem(t string) string {
	if strings.ContainsAny(t, `()[]{}|^$\?+`) {
		return `it looks like a regular expression; a term is words, each of which may end in "*"`
	}
	words := 0
	for _, f := range strings.Fields(t) {
		stem := strings.TrimSuffix(f, "*")
		if strings.Contains(stem, "*") || stem != f && strings.IndexFunc(stem, isWordRune) < 0 {
			return `"*" may only end a word ("letter*" matches "letters"); it cannot begin one or stand alone`
		}
		for _, r := range stem {
			switch {
			case isWordRune(r):
				words++
			case r == '-' || r == '\'' || r == '’' || r == '‘' || r == '&' || r == '/' || r == '.' || r == ',':
			default:
				return fmt.Sprintf("%q is not part of a word; terms are words, not patterns", r)
			}
		}
	}
	if words == 0 {
		return "it has no letters or digits"
	}
	return ""
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// controls names the first control character in s, or "".
func controls(s string) string {
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// textControls is controls for a text that may run over lines.
func textControls(s string) string {
	return controls(strings.NewReplacer("\n", "", "\t", "").Replace(s))
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
