package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
)

func fuzzParser(t testing.TB) *Parser {
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return NewParser(cfg)
}

func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("../../content/*.txt")
	real, _ := filepath.Glob("testdata/real/*/*.txt")
	cut, _ := filepath.Glob("testdata/real/truncated/raw/*.txt")
	for _, name := range append(append(files, real...), cut...) {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("+++\ntitle = \"x\"\n+++\n1. a\nCPS response: b\n"))
	f.Add([]byte("+++\nunclosed"))
	f.Add([]byte("\xEF\xBB\xBF\r\n1) x\r\nCPS Response to 1 & 3: y"))
	f.Add([]byte(strings.Repeat(">", 500) + strings.Repeat("[", 500)))
	// Shapes the block segmenter divides: chrome, licence notices, metadata
	// blocks with and without values, a title above them with no blank line.
	f.Add([]byte("Are you OK with cookies?\n\nSkip to content\nTitle\n- Date of publication\n- \n- CPS Region\nPublished:\nOpen document\nText.\n"))
	f.Add([]byte("Open Government Licence\nor write to:\nKew,\nLondon TW9 4DU\nhttps://x\nTitle 2025\nHMCPSI recommendation: x\nCPS Response to recommendations 1-3: y\nRecommendation Two:\n"))
}

// FuzzParse: the reader never panics, and what it returns is well formed.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	p := fuzzParser(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ds := p.Parse("content/fuzz.txt", data)
		for _, d := range ds {
			if d.Path != "content/fuzz.txt" {
				t.Fatalf("diagnostic names %q", d.Path)
			}
		}
		if r == nil {
			return
		}
		for _, s := range []string{r.Title, r.NarrativeText(), r.NarrativeMarkdown} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		for _, is := range r.Issues {
			if is.Number < 1 || len(is.ResponseCovers) == 0 || is.Themes == nil || is.JointWith == nil {
				t.Fatalf("malformed issue %+v", is)
			}
			if !utf8.ValidString(is.Text) || !utf8.ValidString(is.Response) {
				t.Fatalf("invalid UTF-8 in issue %d", is.Number)
			}
		}
		if r.Slug == "" || strings.ContainsAny(r.Slug, "/.\\") {
			t.Fatalf("unsafe slug %q", r.Slug)
		}
		if r.Title == "" && strings.TrimSpace(r.NarrativeText()) != "" {
			t.Fatalf("no title, though the text has words: %q", r.NarrativeText())
		}
		// Explaining reads the same document the same way.
		e, ex, _ := p.Explain("content/fuzz.txt", data)
		if e == nil || ex == nil || e.Title != r.Title || e.Date != r.Date || e.Area != r.Area || e.Programme != r.Programme || len(e.Issues) != len(r.Issues) {
			t.Fatalf("Explain read differently from Parse")
		}
		if _, err := ex.WriteTo(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzFrontMatter: the splitter never panics and never loses body text.
func FuzzFrontMatter(f *testing.F) {
	f.Add("+++\ntitle = 1\n+++\nbody")
	f.Add("+++\n+++")
	f.Add("+++")
	f.Add("no front matter\n+++\n")
	f.Fuzz(func(t *testing.T, text string) {
		front, body, line, err := splitFrontMatter(text)
		if err != nil {
			return
		}
		if line < 1 {
			t.Fatalf("body line %d", line)
		}
		if !strings.HasSuffix(text, body) || len(front) > len(text) {
			t.Fatalf("split lost text: front %q body %q", front, body)
		}
	})
}

// FuzzSlugify: slugs are always safe path segments.
func FuzzSlugify(f *testing.F) {
	f.Add("../../etc/passwd")
	f.Add("Ynys Môn – Cymru")
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if got == "" || got == "." || got == ".." || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" || len(got) > 80 {
			t.Fatalf("Slugify(%q) = %q", s, got)
		}
	})
}

// FuzzShortcuts checks that the cheap tests in front of costly patterns
// never change a result: Area and criterion names are found where the
// plain pattern finds them, and no line the response pattern matches is
// turned away before it.
func FuzzShortcuts(f *testing.F) {
	p := fuzzParser(f)
	for _, s := range []string{
		"CPS North West and CPS Thames & Chiltern", "Report on CPS Yorkshire and Humberside (2018)",
		"casework quality: good; high quality casework", "north-west_north west", "ſouth West, \u212Aent",
		"CPS North-/ West, cps north  &  west, CPS North&West CPS North &- West CPS North- &West, CPS-North_West CPS North West2",
		"CPS Response to 1 & 3: text", "HMCPSI recommendation: text", "Recommendation Two: text", "Inspectorate’s issue 3 text", "Published Wednesday, 25th of September, 2017 and 2018-04-05x 05/04/2018",
		"12345 2018 on 5 April 2018, 1 May 20199", "CPS  -response (joint with CPS London North): x", "Response. y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pi := range []*phraseIndex{p.areas, p.criteria} {
			want := pi.re.FindAllStringIndex(s, -1)
			got := pi.locate(s)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q: located %v, pattern finds %v", s, got, want)
			}
			if !hasFoldToASCII(s) {
				if got := pi.locateAnchored(s); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%q: located with the anchored pattern at %v, pattern finds %v", s, got, want)
				}
			}
		}
		if want, got := fullDate.FindAllStringIndex(s, -1), findAllDates(s); fmt.Sprint(want) != fmt.Sprint(got) {
			t.Fatalf("%q: dates at %v, pattern finds %v", s, got, want)
		}
		if m := p.issueLabel.FindStringSubmatch(s); m != nil && strings.TrimSpace(m[3]) != "" && s[0] != '(' && (s[0] < '0' || s[0] > '9') {
			if _, _, ok := p.numberedItem(s); !ok && (m[1] == "" || m[1] != strings.Repeat("0", len(m[1]))) {
				t.Fatalf("%q: an issue label the shortcut turns away", s)
			}
		}
		if p.response.MatchString(s) && !p.mayBeResponse(s) {
			t.Fatalf("%q: a response label the shortcut turns away", s)
		}
	})
}
