package serve

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/build"
)

// dumpTemplate overrides a page template with one that shows every field
// of its data: any field the render cache failed to notice shows up.
const dumpTemplate = `{{define "content"}}<h1>{{.Title}}</h1><pre>{{json .}}</pre>{{end}}`

var pageTemplates = []string{"index.html", "reports.html", "report.html", "source.html", "areas.html", "area.html",
	"themes.html", "theme.html", "compare.html", "glossary.html", "data.html", "search.html", "404.html", "accessibility.html"}

// An incremental rebuild, after any run of edits, writes the same bytes
// as a fresh build: documents edited, added and removed, site.toml
// changed, templates overridden with ones showing all their data.
func TestIncrementalRebuildEqualsFreshBuild(t *testing.T) {
	edits := 220
	if testing.Short() {
		edits = 10
	}
	dir := t.TempDir()
	copyTree(t, "../../content", filepath.Join(dir, "content"))
	toml, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", string(toml))
	opts := build.Options{Source: dir}
	sess := build.NewSession(opts)
	if res := sess.Rebuild(nil, true); res.Errors > 0 {
		t.Fatal(res.Diags)
	}
	rng := rand.New(rand.NewSource(12))
	words := []string{"disclosure", "victims", "IQA", "CPS", "training", "casework", "Good", "Excellent", "letters", "defence"}
	docs := func() []string {
		names, _ := filepath.Glob(filepath.Join(dir, "content", "*"))
		sort.Strings(names)
		return names
	}
	cfg := string(toml)
	for i := 0; i < edits; i++ {
		var changed string
		switch k := rng.Intn(10); {
		case k < 5: // a word of a document replaced, or added to a line
			names := docs()
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
			changed, _ = filepath.Rel(dir, p)
			write(changed, strings.Join(lines, "\n"))
		case k == 5: // a document added, as a copy of another
			names := docs()
			b, _ := os.ReadFile(names[rng.Intn(len(names))])
			changed = fmt.Sprintf("content/added-%d%s", i, filepath.Ext(names[0]))
			write(changed, strings.Replace(string(b), "2018", fmt.Sprint(2010+rng.Intn(15)), 1))
		case k == 6: // a document removed
			names := docs()
			if len(names) < 3 {
				continue
			}
			p := names[rng.Intn(len(names))]
			os.Remove(p)
			changed, _ = filepath.Rel(dir, p)
		case k == 7: // site.toml: the title, the page size, a glossary expansion
			switch rng.Intn(3) {
			case 0:
				cfg = replaceLine(cfg, "title = ", fmt.Sprintf(`title = "Responses %d"`, i))
			case 1:
				cfg = replaceLine(cfg, "page_size = ", fmt.Sprintf("page_size = %d", 1+rng.Intn(4)))
			default:
				cfg = replaceLine(cfg, "IQA = ", fmt.Sprintf(`IQA = "Individual Quality Assessment %d"`, i))
			}
			changed = "site.toml"
			write(changed, cfg)
		default: // a template overridden with one showing all its data, or the override removed
			changed = "templates/" + pageTemplates[rng.Intn(len(pageTemplates))]
			if _, err := os.Stat(filepath.Join(dir, changed)); err == nil && rng.Intn(2) == 0 {
				os.Remove(filepath.Join(dir, changed))
			} else {
				write(changed, dumpTemplate)
			}
		}
		res := sess.Rebuild([]string{filepath.ToSlash(changed)}, false)
		fresh := build.NewSession(opts)
		fres := fresh.Rebuild(nil, true)
		if res.Errors != fres.Errors {
			t.Fatalf("edit %d (%s): %d errors incrementally, %d fresh: %v", i, changed, res.Errors, fres.Errors, fres.Diags)
		}
		if res.Errors > 0 {
			continue
		}
		if diff := compareFiles(sess.Files(), fresh.Files()); diff != "" {
			t.Fatalf("edit %d (%s): incremental rebuild differs from a fresh build: %s", i, changed, diff)
		}
	}
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

func compareFiles(got, want map[string][]byte) string {
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

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}
