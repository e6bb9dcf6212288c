package config_test

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/config"
)

// Issue 15 cases 4 and 10: each value that used to pass and then panic, or
// publish something broken, is refused at load with its line.
func TestValuesRefusedWithTheirLine(t *testing.T) {
	base := defaults(t)
	for _, tc := range []struct {
		name, src, want string
		line            int
	}{
		{"empty glossary key", "title = \"x\"\n[glossary]\n\"\" = \"x\"\n", "a glossary key is empty", 3},
		{"blank glossary key", "[glossary]\n\" \" = \"x\"\n", "a glossary key is empty", 2},
		{"glossary keys by case", "[glossary]\nCPS = \"a\"\n\n\"cps\" = \"b\"\n", `glossary keys "CPS" and "cps" differ only in case`, 4},
		{"non-ASCII glossary key", "[glossary]\n\"Ŵ\" = \"x\"\n", `glossary key "Ŵ" must begin with a letter A-Z`, 2},
		{"glossary key of punctuation", "[glossary]\n\"-x\" = \"x\"\n", `glossary key "-x" must begin`, 2},
		{"non-ASCII rating word", "\nratings = [\"Éxcellent\", \"Good\"]\n", `rating word "Éxcellent" must begin`, 2},
		{"rating twice", "ratings = [\"Good\", \"good\"]\n", `rating word "good" is listed twice`, 1},
		{"empty rating", "ratings = [\"Good\", \"\"]\n", `a rating word is empty`, 1},
		{"no criteria", "title = \"x\"\ncriterion = []\n", "at least one [[criterion]]", 2},
		{"no themes", "theme = []\n", "at least one [[theme]]", 1},
		{"double star", "[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"**\"]\n", `term "**" can never match`, 4},
		{"leading star", "[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"ok\", \"*closure\"]\n", `term "*closure" can never match`, 4},
		{"regular expression", "[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"(.*)\"]\n", "looks like a regular expression", 4},
		{"star alone", "[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"late *\"]\n", `term "late *" can never match`, 4},
		{"programme term", "[[programme]]\nid = \"x\"\ntitle = \"X\"\nterms = [\"*\"]\n", `programme "x" term "*"`, 4},
		{"javascript contact", "\n\ncontact_url = \"javascript:alert(1)\"\n", `uses the scheme "javascript"`, 3},
		{"data contact", "contact_url = \"data:text/html,x\"\n", `uses the scheme "data"`, 1},
		{"relative contact", "contact_url = \"contact.html\"\n", "must be a full URL", 1},
		{"language", "language = \"English\"\n", `language "English" is not a language tag`, 1},
		{"language with space", "language = \"en GB\"\n", "is not a language tag", 1},
		{"no issue headings", "[extract]\nissue_headings = []\n", "issue_headings must list at least one", 2},
		{"empty response label", "[extract]\nresponse_labels = [\"CPS response\", \" \"]\n", "a response label is empty", 2},
		{"criterion without title", "[[criterion]]\nslug = \"a\"\n", `criterion "a" has no title`, 1},
		{"empty area alias", "[[area]]\nname = \"A\"\nslug = \"a\"\naliases = [\"\"]\n", `area "a" alias is empty`, 4},
		{"control character in title", "title = \"a\\u001bb\"\n", "title holds a control character (U+001B)", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := config.Parse("site.toml", []byte(tc.src), base)
			if cfg != nil || len(ds) == 0 {
				t.Fatalf("accepted")
			}
			for _, d := range ds {
				if strings.Contains(d.Message, tc.want) {
					if d.Line != tc.line || d.Path != "site.toml" {
						t.Errorf("%s:%d, want line %d", d.Path, d.Line, tc.line)
					}
					return
				}
			}
			t.Errorf("no diagnostic says %q: %v", tc.want, ds)
		})
	}
}

// Values a site may well use still load.
func TestValuesAccepted(t *testing.T) {
	base := defaults(t)
	for _, src := range []string{
		"language = \"cy\"\n", "language = \"sr-Latn-RS\"\n",
		"contact_url = \"https://example.org/contact\"\n", "contact_url = \"/contact/\"\n", "contact_url = \"tel:+441234\"\n",
		"[[theme]]\nslug = \"a\"\ntitle = \"A\"\nterms = [\"letter* to victim*\", \"follow-up\", \"inspection of the CPS's\", \"R&D\"]\n",
		"description = \"\"\"\nTwo\nlines.\"\"\"\n",
		"[glossary]\n\"3G\" = \"third generation\"\n",
	} {
		if _, ds := config.Parse("site.toml", []byte(src), base); len(ds) > 0 {
			t.Errorf("%q refused: %v", src, ds)
		}
	}
}
