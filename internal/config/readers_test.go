package config_test

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/config"
)

func TestReaderFactsDefaults(t *testing.T) {
	cfg := defaults(t)
	if cfg.DataLicence.Name != "Open Government Licence v3.0" || !strings.HasPrefix(cfg.DataLicence.URL, "https://www.nationalarchives.gov.uk/") {
		t.Errorf("data licence = %+v", cfg.DataLicence)
	}
	if cfg.Publisher == "" {
		t.Error("no publisher")
	}
	for _, r := range cfg.Ratings {
		if cfg.RatingMeaning(r) == "" {
			t.Errorf("no meaning for %s", r)
		}
	}
	for _, c := range cfg.Criteria {
		if c.Description == "" {
			t.Errorf("criterion %s has no description", c.Slug)
		}
	}
	for _, a := range cfg.Areas {
		// Only Area pages found on the CPS site are linked; the rest say nothing.
		if len(a.PoliceForces) == 0 || len(a.Counties) == 0 || a.CPSURL != "" && !strings.HasPrefix(a.CPSURL, "https://www.cps.gov.uk/") {
			t.Errorf("area %s: forces %v, counties %v, url %q", a.Slug, a.PoliceForces, a.Counties, a.CPSURL)
		}
	}
}

func TestExpansionFollowsTheDocumentsDate(t *testing.T) {
	cfg := defaults(t)
	for _, tc := range []struct{ date, want string }{
		{"2017-10-25", "Her Majesty's Crown Prosecution Service Inspectorate"},
		{"2022-09-07", "Her Majesty's Crown Prosecution Service Inspectorate"},
		{"2022-09-08", "His Majesty's Crown Prosecution Service Inspectorate"},
		{"2023-09-21", "His Majesty's Crown Prosecution Service Inspectorate"},
		{"", "His Majesty's Crown Prosecution Service Inspectorate"},
	} {
		if got := cfg.Expansion("HMCPSI", tc.date); got != tc.want {
			t.Errorf("HMCPSI on %q = %q, want %q", tc.date, got, tc.want)
		}
	}
	if got := cfg.Expansion("CPS", "2017-01-01"); got != "Crown Prosecution Service" {
		t.Errorf("CPS = %q", got)
	}
	if h := cfg.ExpansionHistory("HMCPSI"); len(h) != 1 || h[0].Date != "2022-09-08" {
		t.Errorf("history = %+v", h)
	}
}

func TestTheEarliestOlderExpansionWins(t *testing.T) {
	src := "[glossary]\nX = \"now\"\n\n[[glossary_before]]\nabbr = \"X\"\ndate = 2010-01-01\nexpansion = \"oldest\"\n\n[[glossary_before]]\nabbr = \"X\"\ndate = \"2020-01-01\"\nexpansion = \"middle\"\n"
	cfg, ds := config.Parse("site.toml", []byte(src), defaults(t))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for date, want := range map[string]string{"2009-05-01": "oldest", "2015-05-01": "middle", "2021-05-01": "now"} {
		if got := cfg.Expansion("X", date); got != want {
			t.Errorf("X on %s = %q, want %q", date, got, want)
		}
	}
}

func TestReaderFactErrorsNameTheLine(t *testing.T) {
	base := defaults(t)
	cases := []struct {
		name, src, want string
		line            int
	}{
		{"area url not a web address", "[[area]]\nname = \"A\"\nslug = \"a\"\ncps_url = \"javascript:alert(1)\"\n", "cps_url", 4},
		{"empty police force", "[[area]]\nname = \"A\"\nslug = \"a\"\npolice_forces = [\"Kent Police\", \" \"]\n", "police_forces has an empty entry", 4},
		{"licence url", "[data_licence]\nname = \"OGL\"\nurl = \"ftp://x\"\n", "data_licence url", 3},
		{"licence without name", "[data_licence]\nurl = \"https://example.org/l\"\n", "no name", 2},
		{"meaning for no rating", "[rating_meanings]\nExcellent = \"a\"\nGood = \"b\"\nFair = \"c\"\nPoor = \"d\"\nSuperb = \"e\"\n", `"Superb" is not one of the ratings`, 6},
		{"rating without meaning", "\n[rating_meanings]\nExcellent = \"a\"\nGood = \"b\"\nFair = \"c\"\n", `nothing about "Poor"`, 2},
		{"empty meaning", "[rating_meanings]\nExcellent = \"a\"\nGood = \"\"\nFair = \"c\"\nPoor = \"d\"\n", `"Good" has no meaning`, 3},
		{"dated entry for an unknown abbreviation", "[[glossary_before]]\nabbr = \"ZZZ\"\ndate = \"2020-01-01\"\nexpansion = \"x\"\n", `"ZZZ" is not in [glossary]`, 2},
		{"bad date", "[[glossary_before]]\nabbr = \"HMCPSI\"\ndate = \"8 September 2022\"\nexpansion = \"x\"\n", "must be YYYY-MM-DD", 3},
		{"empty expansion", "\n[[glossary_before]]\nabbr = \"HMCPSI\"\ndate = \"2022-09-08\"\nexpansion = \"\"\n", "expansion must not be empty", 2},
		{"date given twice", "[[glossary_before]]\nabbr = \"HMCPSI\"\ndate = \"2022-09-08\"\nexpansion = \"x\"\n[[glossary_before]]\nabbr = \"HMCPSI\"\ndate = \"2022-09-08\"\nexpansion = \"y\"\n", "given twice", 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := config.Parse("site.toml", []byte(tc.src), base)
			if cfg != nil || len(ds) == 0 {
				t.Fatalf("accepted: %+v", cfg)
			}
			d := ds[0]
			if d.Line != tc.line || !strings.Contains(d.String(), tc.want) || !strings.HasPrefix(d.String(), "site.toml:") {
				t.Errorf("got %q, want site.toml:%d with %q", d.String(), tc.line, tc.want)
			}
		})
	}
}
