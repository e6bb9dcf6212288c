package config

import (
	"fmt"
	"strings"
)

// validateRoles checks the [[role]] vocabulary: every role named and
// slugged once, no alias claimed by two roles (a mention must mean one
// owner), and exactly one fallback when any role is listed.
func validateRoles(c *Config, bad func(key, format string, args ...any)) {
	fallbacks := 0
	claimed := map[string]string{} // folded alias → role slug
	for i, r := range c.Roles {
		key := fmt.Sprintf("role#%d", i+1)
		if strings.TrimSpace(r.Name) == "" {
			bad(key, "role %d has no name", i+1)
		}
		if r.Fallback {
			fallbacks++
		}
		names := append([]string{r.Name, r.Abbreviation}, r.Aliases...)
		for j, n := range names {
			if j == 1 && n == "" {
				continue // no abbreviation
			}
			f := strings.ToLower(strings.Join(strings.Fields(n), " "))
			if f == "" {
				bad(key+".aliases", "role %q has an empty alias", r.Name)
				continue
			}
			if other, ok := claimed[f]; ok && other != r.Slug {
				bad(key+".aliases", "role %q: %q is already a name of role %q", r.Name, n, other)
			}
			claimed[f] = r.Slug
		}
	}
	if len(c.Roles) > 0 && fallbacks != 1 {
		bad("role", "exactly one [[role]] must have fallback = true, the owner of a commitment that names no one (found %d)", fallbacks)
	}
	for _, o := range c.Commitment.Others {
		if strings.TrimSpace(o) == "" {
			bad("commitment.others", "commitment.others has an empty entry")
		}
	}
}
