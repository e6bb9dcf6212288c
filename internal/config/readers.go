package config

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// This file holds what the site tells readers about itself and its
// vocabulary: who publishes it, the licence of its data, what ratings mean,
// and abbreviations whose expansion changed over time.

// Licence is the licence the open data is published under.
type Licence struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// GlossaryBefore is an older expansion of a glossary abbreviation: documents
// dated before Date used Expansion ("Her Majesty's ..." before the
// accession of King Charles III).
type GlossaryBefore struct {
	Abbr      string `toml:"abbr"`
	Date      Day    `toml:"date"`
	Expansion string `toml:"expansion"`
}

// Day is a date written YYYY-MM-DD, quoted or as a TOML local date.
type Day string

// UnmarshalTOML accepts "2022-09-08" and 2022-09-08.
func (d *Day) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*d = Day(v)
	case time.Time:
		*d = Day(v.Format("2006-01-02"))
	default:
		return fmt.Errorf("a date must be written YYYY-MM-DD, not %v", v)
	}
	return nil
}

// Expansion is abbr's expansion for a document dated date (YYYY-MM-DD):
// the earliest older expansion whose date is after the document's, else
// the glossary's. An undated document gets the glossary's.
func (c *Config) Expansion(abbr, date string) string {
	if date != "" {
		best := ""
		var bestDate Day
		for _, g := range c.GlossaryBefore {
			if g.Abbr == abbr && date < string(g.Date) && (best == "" || g.Date < bestDate) {
				best, bestDate = g.Expansion, g.Date
			}
		}
		if best != "" {
			return best
		}
	}
	return c.Glossary[abbr]
}

// ExpansionHistory is abbr's older expansions, oldest first: what a
// glossary page lists beside the current one.
func (c *Config) ExpansionHistory(abbr string) []GlossaryBefore {
	var out []GlossaryBefore
	for _, g := range c.GlossaryBefore {
		if g.Abbr == abbr {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// RatingMeaning says what a rating word means, or "".
func (c *Config) RatingMeaning(word string) string {
	for k, v := range c.RatingMeanings {
		if strings.EqualFold(k, word) {
			return v
		}
	}
	return ""
}

// RatingRank is the word's place in the ratings, 0 for the best, or -1
// for a word that is not a rating.
func (c *Config) RatingRank(word string) int {
	for i, r := range c.Ratings {
		if strings.EqualFold(r, word) {
			return i
		}
	}
	return -1
}

// inheritReaderFacts copies from base what the file did not set.
func inheritReaderFacts(cfg, base *Config, set func(key ...string) bool) {
	if !set("publisher") {
		cfg.Publisher = base.Publisher
	}
	if !set("rating_meanings") {
		cfg.RatingMeanings = base.RatingMeanings
	}
	if !set("data_licence") {
		cfg.DataLicence = base.DataLicence
	}
	if !set("glossary_before") {
		// A site with its own glossary keeps the older expansions of the
		// abbreviations it still has.
		cfg.GlossaryBefore = nil
		for _, g := range base.GlossaryBefore {
			if cfg.Glossary[g.Abbr] != "" {
				cfg.GlossaryBefore = append(cfg.GlossaryBefore, g)
			}
		}
	}
}
