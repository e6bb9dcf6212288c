package config_test

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/config"
)

func TestDefaultRoles(t *testing.T) {
	cfg := defaults(t)
	byAbbr := map[string]string{}
	fallbacks := 0
	for _, r := range cfg.Roles {
		if r.Abbreviation != "" {
			byAbbr[r.Abbreviation] = r.Name
		}
		if r.Fallback {
			fallbacks++
			if r.Name != "the Area" {
				t.Errorf("fallback role is %q, want the Area", r.Name)
			}
		}
	}
	for abbr, name := range map[string]string{"CCP": "Chief Crown Prosecutor", "DCCP": "Deputy Chief Crown Prosecutor",
		"ABM": "Area Business Manager", "SDCP": "Senior District Crown Prosecutors", "DCP": "District Crown Prosecutors", "SMT": "Senior management team"} {
		if byAbbr[abbr] != name {
			t.Errorf("role %s = %q, want %q", abbr, byAbbr[abbr], name)
		}
	}
	if fallbacks != 1 {
		t.Errorf("%d fallback roles, want 1", fallbacks)
	}
	if len(cfg.Commitment.Others) == 0 {
		t.Error("no [commitment] others")
	}
}

func TestRoleErrorsNameTheLine(t *testing.T) {
	base := defaults(t)
	cases := []struct {
		name, src, want string
		line            int
	}{
		{"unknown key in a role", "[[role]]\nname = \"A\"\nslug = \"a\"\nfallback = true\nrank = 3\n", `unknown key "role.rank"`, 5},
		{"no fallback", "[[role]]\nname = \"A\"\nslug = \"a\"\n", "exactly one [[role]] must have fallback = true", 1},
		{"two fallbacks", "[[role]]\nname = \"A\"\nslug = \"a\"\nfallback = true\n[[role]]\nname = \"B\"\nslug = \"b\"\nfallback = true\n", "found 2", 1},
		{"alias of two roles", "[[role]]\nname = \"A\"\nslug = \"a\"\nfallback = true\n[[role]]\nname = \"B\"\nslug = \"b\"\naliases = [\"a\"]\n", `"a" is already a name of role "a"`, 8},
		{"bad role slug", "[[role]]\nname = \"A\"\nslug = \"A A\"\nfallback = true\n", `slug "A A"`, 3},
		{"nameless role", "[[role]]\nslug = \"a\"\nfallback = true\n", "role 1 has no name", 1},
		{"empty other party", "[commitment]\nothers = [\"police\", \" \"]\n", "commitment.others has an empty entry", 2},
		{"unknown commitment key", "[commitment]\nverbs = []\n", `unknown key "commitment.verbs"`, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := config.Parse("site.toml", []byte(tc.src), base)
			if cfg != nil || len(ds) == 0 {
				t.Fatalf("accepted: %+v", cfg.Roles)
			}
			d := ds[0]
			if d.Line != tc.line || !strings.Contains(d.String(), tc.want) {
				t.Errorf("got %q, want site.toml:%d with %q", d.String(), tc.line, tc.want)
			}
		})
	}
}
