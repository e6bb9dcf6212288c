package report

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
)

// Issue 15 case 7: only markdown emphasis is removed; literal asterisks and
// words in angle brackets stay.
func TestTextKeepsLiteralMarks(t *testing.T) {
	for in, want := range map[string]string{
		"3 * 4 backlogs":                      "3 * 4 backlogs",
		"5*3 = 15":                            "5*3 = 15",
		"a *b* c":                             "a b c",
		"**Bold** and __strong__ and _em_":    "Bold and strong and em",
		"***both***":                          "both",
		"snake_case_name stays":               "snake_case_name stays",
		"* a bullet":                          "* a bullet",
		"**opens here and closes later":       "opens here and closes later",
		"closes here**":                       "closes here",
		`\*not emphasis\*`:                    "*not emphasis*",
		"use `code` here":                     "use code here",
		"Contact <name of officer> by <date>": "Contact <name of officer> by <date>",
		"<b>bold</b> <i>it</i><br/>next":      " bold   it  next",
		"<script>alert(1)</script> text":      " alert(1)  text",
		"<a href=\"x\">link</a>":              " link ",
		"x < y > z":                           "x < y > z",
	} {
		got := stripTags(stripEmphasis(in))
		if got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

// Issue 15 case 6: control characters leave the extracted text with a
// warning; bidirectional overrides and zero-width characters leave titles
// and texts, and the report is marked so that its source view shows them.
func TestHiddenCharactersLeaveTheText(t *testing.T) {
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	doc := "CPS Response to HMCPSI Area Assurance Inspection of CPS Wes\u202Esex\u200B\n01/02/2020\n\nIssues to address\n\n" +
		"1. Letters\x01 to victims are late\x1b[31m; \x7fthe 3 * 4 backlogs grow.\nCPS response: We will <name of officer> act\u2066.\n"
	r, ds := NewParser(cfg).Parse("content/x.txt", []byte(doc))
	if r == nil {
		t.Fatal(ds)
	}
	fields := []string{r.Title, r.Issues[0].Text, r.Issues[0].Response}
	for _, f := range fields {
		if strings.IndexFunc(f, Hidden) >= 0 {
			t.Errorf("%q holds a hidden character", f)
		}
	}
	if r.Title != "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex" {
		t.Errorf("title %q", r.Title)
	}
	if want := "Letters to victims are late[31m; the 3 * 4 backlogs grow."; r.Issues[0].Text != want {
		t.Errorf("issue %q, want %q", r.Issues[0].Text, want)
	}
	if want := "We will <name of officer> act."; r.Issues[0].Response != want {
		t.Errorf("response %q, want %q", r.Issues[0].Response, want)
	}
	if !r.HiddenChars {
		t.Error("the report is not marked for its source view")
	}
	var warned []string
	for _, d := range ds {
		warned = append(warned, d.String())
	}
	all := strings.Join(warned, "\n")
	for _, want := range []string{"content/x.txt:6: warning: 3 control characters (U+0001 first) dropped", "content/x.txt:1: warning: 3 invisible formatting characters (U+202E first) removed"} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in\n%s", want, all)
		}
	}
	clean, ds := NewParser(cfg).Parse("content/y.txt", []byte("CPS Response to an inspection of CPS Wessex\n01/02/2020\n\nText.\n"))
	if clean.HiddenChars || len(ds) > 0 && strings.Contains(ds[0].Message, "character") {
		t.Errorf("a clean text is marked: %v", ds)
	}
}

// Front matter can set a title too: it is cleaned the same way.
func TestFrontMatterTitleIsCleaned(t *testing.T) {
	cfg, _ := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	r, ds := NewParser(cfg).Parse("content/x.md", []byte("+++\ntitle = \"Wes\\u202Esex \\u0007report\"\narea = \"Atlan\\u200Btis\"\n+++\nCPS Response\n"))
	if r == nil {
		t.Fatal(ds)
	}
	if r.Title != "Wessex report" || r.Area != "Atlantis" || r.AreaSlug != "atlantis" {
		t.Errorf("title %q, area %q (%s)", r.Title, r.Area, r.AreaSlug)
	}
}
