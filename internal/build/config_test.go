package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15 case 4: a site.toml that used to panic the renderer, saved
// during a preview, is an error with its line; the last good site stays.
func TestBadConfigDuringPreviewIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "wessex.txt"), []byte(wessexDoc), 0o644)
	s := NewSession(Options{Source: dir})
	if res := s.Rebuild(nil, true); res.Errors > 0 {
		t.Fatal(res.Diags)
	}
	good := s.Files()
	for _, bad := range []string{"[glossary]\n\"\" = \"x\"\n", "criterion = []\n", "[glossary]\n\"É\" = \"x\"\n"} {
		os.WriteFile(filepath.Join(dir, "site.toml"), []byte(bad), 0o644)
		res := s.Rebuild([]string{"site.toml"}, false)
		if res.Errors == 0 || !strings.HasPrefix(res.Diags[0].String(), "site.toml:") {
			t.Errorf("%q: %v", bad, res.Diags)
		}
		if len(s.Files()) != len(good) {
			t.Errorf("%q: the last good site was dropped", bad)
		}
	}
}

// Issue 15 case 8: a request for a file made on request that the build does
// not have (a sitemap past the last) is answered from the list of what
// exists, making nothing.
func TestLazyMissMakesNothing(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "wessex.txt"), []byte(wessexDoc), 0o644)
	s := NewSession(Options{Source: dir})
	if res := s.Rebuild(nil, true); res.Errors > 0 {
		t.Fatal(res.Diags)
	}
	for _, name := range []string{"sitemap.xml", "data/issues.csv", "search/index.json"} {
		if _, ok := s.Lazy(name); !ok {
			t.Errorf("%s not made", name)
		}
	}
	if _, ok := s.Lazy("sitemap-1.xml"); ok {
		t.Error("a one-file sitemap has a sitemap-1.xml")
	}
	if n := testing.AllocsPerRun(100, func() { s.Lazy("sitemap-83.xml") }); n != 0 {
		t.Errorf("a miss allocates %v times: it makes something", n)
	}
}

// Issue 15 case 9: an absolute -config is read, inside -source or not,
// and a relative one that leaves -source too: never "invalid argument".
// (Prepare makes each a path Load can read; see ConfigName.)
func TestConfigPaths(t *testing.T) {
	parent := t.TempDir()
	src := filepath.Join(parent, "site")
	os.MkdirAll(src, 0o755)
	os.WriteFile(filepath.Join(src, "site.toml"), []byte("title = \"Inside\"\n"), 0o644)
	os.WriteFile(filepath.Join(parent, "site.toml"), []byte("title = \"Outside\"\n"), 0o644)
	for name, want := range map[string]string{"": "Inside", filepath.Join(src, "site.toml"): "Inside", "../site.toml": "Outside", filepath.Join(parent, "site.toml"): "Outside"} {
		res, err := Load(Options{Source: src, ConfigFile: name})
		if err != nil || res.Site.Config.Title != want {
			t.Errorf("-config %s: %v %v", name, err, res)
		}
	}
}
