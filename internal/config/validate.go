package config

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/inspectsite/inspectsite/internal/diag"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// validate checks values that decode but make no sense, naming their lines.
func validate(c *Config, path string, kl keyLines) []diag.Diagnostic {
	var ds []diag.Diagnostic
	bad := func(key, format string, args ...any) {
		line := kl.line(key)
		if line == 0 {
			line = kl.line(strings.SplitN(key, ".", 2)[0])
		}
		ds = append(ds, diag.Errorf(path, line, format, args...))
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "title must not be empty")
	}
	if err := CheckBaseURL(c.BaseURL); err != nil {
		bad("base_url", "base_url: %v", err)
	}
	if c.Language == "" {
		bad("language", "language must not be empty (for example en-GB)")
	}
	if c.PageSize < 1 {
		bad("page_size", "page_size must be at least 1, not %d", c.PageSize)
	}
	if c.MaxDocumentBytes < 1 {
		bad("max_document_bytes", "max_document_bytes must be at least 1, not %d", c.MaxDocumentBytes)
	}
	if len(c.Ratings) == 0 {
		bad("ratings", "ratings must list at least one rating word")
	}
	checkSlugs := func(table, field string, n int, get func(i int) string) {
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			key := fmt.Sprintf("%s#%d.%s", table, i+1, field)
			s := get(i)
			switch {
			case !slugPattern.MatchString(s):
				bad(key, "%s %d: %s %q must be lowercase letters, digits and single hyphens", table, i+1, field, s)
			case seen[s]:
				bad(key, "%s %d: %s %q is used twice", table, i+1, field, s)
			}
			seen[s] = true
		}
	}
	checkSlugs("area", "slug", len(c.Areas), func(i int) string { return c.Areas[i].Slug })
	checkSlugs("criterion", "slug", len(c.Criteria), func(i int) string { return c.Criteria[i].Slug })
	checkSlugs("theme", "slug", len(c.Themes), func(i int) string { return c.Themes[i].Slug })
	checkSlugs("kind", "slug", len(c.Kinds), func(i int) string { return c.Kinds[i].Slug })
	checkSlugs("role", "slug", len(c.Roles), func(i int) string { return c.Roles[i].Slug })
	validateRoles(c, bad)
	for i, a := range c.Areas {
		if strings.TrimSpace(a.Name) == "" {
			bad(fmt.Sprintf("area#%d", i+1), "area %d has no name", i+1)
		}
	}
	for i, t := range c.Themes {
		if strings.TrimSpace(t.Title) == "" {
			bad(fmt.Sprintf("theme#%d", i+1), "theme %q has no title", t.Slug)
		}
		if len(t.Terms) == 0 {
			bad(fmt.Sprintf("theme#%d", i+1), "theme %q has no terms, so no issue can match it", t.Slug)
		}
	}
	for i, p := range c.Programmes {
		if p.ID == "" || len(p.Terms) == 0 {
			bad(fmt.Sprintf("programme#%d", i+1), "programme %d needs an id and terms", i+1)
		}
	}
	defaults := 0
	for _, k := range c.Kinds {
		if k.Default {
			defaults++
		}
	}
	if len(c.Kinds) > 0 && defaults != 1 {
		bad("kind", "exactly one [[kind]] must have default = true (found %d)", defaults)
	}
	for abbr, exp := range c.Glossary {
		if strings.TrimSpace(exp) == "" {
			bad("glossary."+abbr, "glossary entry %q has no expansion", abbr)
		}
	}
	checkValues(c, checker{bad})
	return ds
}
