package config

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// validateReaderFacts checks what readers are told (readers.go): links
// that must be web addresses, rating meanings that match the rating words,
// and dated glossary entries that name a glossary abbreviation.
func validateReaderFacts(c *Config, path string, kl keyLines) []diag.Diagnostic {
	var ds []diag.Diagnostic
	bad := func(key, format string, args ...any) {
		line := kl.line(key)
		for k := key; line == 0 && strings.ContainsAny(k, ".#"); {
			k = k[:strings.LastIndexAny(k, ".#")]
			line = kl.line(k)
		}
		ds = append(ds, diag.Errorf(path, line, format, args...))
	}
	webURL := func(key, what, u string) {
		if u != "" && !isWebURL(u) {
			bad(key, "%s %q must be a web address starting http:// or https://", what, u)
		}
	}
	for i, a := range c.Areas {
		key := fmt.Sprintf("area#%d", i+1)
		webURL(key+".cps_url", "area "+a.Slug+": cps_url", a.CPSURL)
		for _, f := range a.PoliceForces {
			if strings.TrimSpace(f) == "" {
				bad(key+".police_forces", "area %s: police_forces has an empty entry", a.Slug)
			}
		}
		for _, f := range a.Counties {
			if strings.TrimSpace(f) == "" {
				bad(key+".counties", "area %s: counties has an empty entry", a.Slug)
			}
		}
	}
	if c.DataLicence.URL != "" && strings.TrimSpace(c.DataLicence.Name) == "" {
		bad("data_licence.url", "data_licence has a url but no name")
	}
	webURL("data_licence.url", "data_licence url", c.DataLicence.URL)
	if len(c.RatingMeanings) > 0 {
		words := make([]string, 0, len(c.RatingMeanings))
		for w := range c.RatingMeanings {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, word := range words {
			meaning := c.RatingMeanings[word]
			if _, ok := c.KnownRating(word); !ok {
				bad("rating_meanings."+word, "rating_meanings: %q is not one of the ratings %v", word, c.Ratings)
			} else if strings.TrimSpace(meaning) == "" {
				bad("rating_meanings."+word, "rating_meanings: %q has no meaning", word)
			}
		}
		for _, r := range c.Ratings {
			if _, given := c.RatingMeanings[r]; !given && c.RatingMeaning(r) == "" {
				bad("rating_meanings", "rating_meanings says nothing about %q; give every rating word a meaning", r)
			}
		}
	}
	seen := map[string]bool{}
	for i, g := range c.GlossaryBefore {
		key := fmt.Sprintf("glossary_before#%d", i+1)
		switch {
		case g.Abbr == "":
			bad(key, "glossary_before %d has no abbr", i+1)
		case c.Glossary[g.Abbr] == "":
			bad(key+".abbr", "glossary_before: %q is not in [glossary]; add its current expansion there", g.Abbr)
		}
		if _, err := time.Parse("2006-01-02", string(g.Date)); err != nil {
			bad(key+".date", "glossary_before %s: date %q must be YYYY-MM-DD", g.Abbr, g.Date)
		}
		if strings.TrimSpace(g.Expansion) == "" {
			bad(key, "glossary_before %s: expansion must not be empty", g.Abbr)
		}
		if k := g.Abbr + "@" + string(g.Date); seen[k] {
			bad(key, "glossary_before: %s before %s is given twice", g.Abbr, g.Date)
		} else {
			seen[k] = true
		}
	}
	return ds
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
