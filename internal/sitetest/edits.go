// Package sitetest drives a site folder through random edits, for the
// tests that compare a build made on top of earlier ones (serve's
// incremental rebuild, a build into the previous site) with a fresh build.
package sitetest

import (
	"bytes"
	_ "embed"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// DumpTemplate overrides a page template with one that shows every field
// of its data: any field a cache failed to notice shows up.
//
//go:embed dump.html
var DumpTemplate string

// PageTemplates are the page templates an edit may override.
var PageTemplates = []string{"index.html", "reports.html", "report.html", "source.html", "areas.html", "area.html",
	"themes.html", "theme.html", "compare.html", "glossary.html", "data.html", "search.html", "404.html", "accessibility.html"}

// Site is a copy of the project's content/ and site.toml in a temporary
// folder, to edit.
type Site struct {
	Dir string
	t   *testing.T
	rng *rand.Rand
	cfg string
}

// New copies ../../content and ../../site.toml (the test's package is two
// levels below the project) into a temporary folder.
func New(t *testing.T, seed int64) *Site {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	toml, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Dir: dir, t: t, rng: rand.New(rand.NewSource(seed)), cfg: string(toml)}
	s.write("site.toml", s.cfg)
	return s
}

func (s *Site) write(rel, text string) {
	p := filepath.Join(s.Dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *Site) docs() []string {
	names, _ := filepath.Glob(filepath.Join(s.Dir, "content", "*"))
	sort.Strings(names)
	return names
}

var words = []string{"disclosure", "victims", "IQA", "CPS", "training", "casework", "Good", "Excellent", "letters", "defence"}

// Edit makes the i-th random edit and returns the slash path, inside the
// site folder, of the file it changed: a word of a document replaced or
// added (half the edits), a document added or removed, site.toml's title,
// page size or a glossary expansion changed, or a page template
// overridden with DumpTemplate or the override removed.
func (s *Site) Edit(i int) string {
	rng := s.rng
	var changed string
	switch k := rng.Intn(10); {
	case k < 5:
		names := s.docs()
		p := names[rng.Intn(len(names))]
		b, _ := os.ReadFile(p)
		lines := strings.Split(string(b), "\n")
		n := rng.Intn(len(lines))
		fields := strings.Fields(lines[n])
		w := words[rng.Intn(len(words))]
		if len(fields) > 0 && rng.Intn(2) == 0 {
			fields[rng.Intn(len(fields))] = w
			lines[n] = strings.Join(fields, " ")
		} else {
			lines[n] += " " + w
		}
		changed, _ = filepath.Rel(s.Dir, p)
		s.write(changed, strings.Join(lines, "\n"))
	case k == 5:
		names := s.docs()
		b, _ := os.ReadFile(names[rng.Intn(len(names))])
		changed = fmt.Sprintf("content/added-%d%s", i, filepath.Ext(names[0]))
		s.write(changed, strings.Replace(string(b), "2018", fmt.Sprint(2010+rng.Intn(15)), 1))
	case k == 6:
		names := s.docs()
		if len(names) < 3 {
			return s.Edit(i)
		}
		p := names[rng.Intn(len(names))]
		os.Remove(p)
		changed, _ = filepath.Rel(s.Dir, p)
	case k == 7:
		switch rng.Intn(3) {
		case 0:
			s.cfg = replaceLine(s.cfg, "title = ", fmt.Sprintf(`title = "Responses %d"`, i))
		case 1:
			s.cfg = replaceLine(s.cfg, "page_size = ", fmt.Sprintf("page_size = %d", 1+rng.Intn(4)))
		default:
			s.cfg = replaceLine(s.cfg, "IQA = ", fmt.Sprintf(`IQA = "Individual Quality Assessment %d"`, i))
		}
		changed = "site.toml"
		s.write(changed, s.cfg)
	default:
		changed = "templates/" + PageTemplates[rng.Intn(len(PageTemplates))]
		if _, err := os.Stat(filepath.Join(s.Dir, changed)); err == nil && rng.Intn(2) == 0 {
			os.Remove(filepath.Join(s.Dir, changed))
		} else {
			s.write(changed, DumpTemplate)
		}
	}
	return filepath.ToSlash(changed)
}

func replaceLine(text, prefix, line string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line
			return strings.Join(lines, "\n")
		}
	}
	return text
}

// CompareFiles says how got differs from want ("" when they hold the
// same files with the same bytes, and at least one).
func CompareFiles(got, want map[string][]byte) string {
	for name, b := range want {
		g, ok := got[name]
		if !ok {
			return name + " missing"
		}
		if !bytes.Equal(g, b) {
			return name + " has other bytes"
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			return name + " should not be there"
		}
	}
	if len(want) == 0 {
		return "no files"
	}
	return ""
}

// ReadTree reads every file under dir, by slash path inside it.
func ReadTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
