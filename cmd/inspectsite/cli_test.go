package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// Every mistake the command line can make is refused with exit 2 and a
// message naming it, before anything is written.
func TestMistakesAreRefusedBeforeAnythingIsWritten(t *testing.T) {
	dir := newSite(t, map[string]string{"templates/.keep": ""})
	empty := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no such source", []string{"-source", filepath.Join(empty, "no/such")}, "no such folder"},
		{"a source that is a file", []string{"-source", filepath.Join(dir, "content/000_d4d0eb5e2a460308.txt")}, "is a file, not a site folder"},
		{"a source that is not a site", []string{"-source", empty}, "holds neither content/ nor site.toml"},
		{"missing relative config", []string{"-source", dir, "-config", "custm.toml"}, "-config custm.toml: no such file (a relative -config is read from the -source folder"},
		{"missing absolute config", []string{"-source", dir, "-config", filepath.Join(empty, "site.toml")}, "site.toml: no such file"},
		{"dest is the source", []string{"-source", dir, "-dest", dir}, "would replace the site folder"},
		{"dest holds the source", []string{"-source", dir, "-dest", filepath.Dir(dir)}, "would replace the site folder"},
		{"dest inside content", []string{"-source", dir, "-dest", filepath.Join(dir, "content/public")}, "inside the site's content/ folder"},
		{"dest is templates", []string{"-source", dir, "-dest", filepath.Join(dir, "templates")}, "inside the site's templates/ folder"},
		{"base URL without a scheme", []string{"-source", dir, "-base-url", "example.org/x"}, `did you mean "https://example.org/x"`},
		{"base URL with another scheme", []string{"-source", dir, "-base-url", "javascript:"}, "must be an absolute http(s) URL"},
		{"base URL that is a path", []string{"-source", dir, "-base-url", "/sub/"}, "give the full URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(append([]string{"build"}, tc.args...)...)
			if code != 2 || !strings.Contains(errs, tc.want) || out != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2 saying %q", code, out, errs, tc.want)
			}
			for _, p := range []string{"public", "content/public", "templates/index.html"} {
				if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
					t.Fatalf("%s was written", p)
				}
			}
			if _, err := os.Stat(filepath.Join(empty, "public")); err == nil {
				t.Fatal("public/ was written into the folder that is not a site")
			}
		})
	}
	// check and serve refuse the same mistakes of theirs.
	for _, cmd := range []string{"check", "serve"} {
		for _, args := range [][]string{{"-source", filepath.Join(empty, "no/such")}, {"-source", empty}, {"-source", dir, "-config", "custm.toml"}} {
			code, out, errs := runCmd(append([]string{cmd}, args...)...)
			if code != 2 || out != "" || !strings.Contains(errs, "inspectsite "+cmd+": ") {
				t.Errorf("%s %v: exit %d, stdout %q, stderr %q", cmd, args, code, out, errs)
			}
		}
	}
}

func TestConfigByAbsolutePath(t *testing.T) {
	dir := newSite(t, nil)
	cfg := filepath.Join(t.TempDir(), "other.toml")
	os.WriteFile(cfg, []byte("title = \"Elsewhere\"\nbase_url = \"https://example.org/\"\n"), 0o644)
	code, _, errs := runCmd("build", "-source", dir, "-config", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public/index.html")); !strings.Contains(string(b), "Elsewhere") {
		t.Error("the configuration outside the site folder was not used")
	}
}

// The default base URL "/" builds, with one warning on the line that sets
// it; -strict makes it fatal. An absolute one gives no such warning.
func TestRootBaseURLWarns(t *testing.T) {
	dir := newSite(t, map[string]string{"site.toml": "title = \"T\"\n\nbase_url = \"/\"\n"})
	code, _, errs := runCmd("build", "-source", dir)
	if code != 0 || strings.Count(errs, "feed.xml, sitemap.xml and robots.txt need an absolute base URL") != 1 || !strings.Contains(errs, "site.toml:3: warning: base_url is \"/\"") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	os.RemoveAll(filepath.Join(dir, "public"))
	os.WriteFile(filepath.Join(dir, "content/002_846e74a289f4ef76.txt"), []byte("+++\ndate = 2020-01-01\n+++\n"+readFile(t, "../../content/002_846e74a289f4ef76.txt")), 0o644)
	if code, _, errs := runCmd("build", "-strict", "-source", dir); code != 1 || !strings.Contains(errs, "base_url is \"/\"") {
		t.Fatalf("-strict: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runCmd("build", "-strict", "-source", dir, "-base-url", "https://example.org/sub/"); code != 0 || strings.Contains(errs, "base_url") {
		t.Fatalf("absolute base URL: exit %d, stderr %q", code, errs)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFrontMatterProgrammeAndKindMustBeKnown(t *testing.T) {
	dir := newSite(t, map[string]string{
		"content/x.md": "+++\ntitle = \"CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\"\nprogramme = \"AIP\"\nkind = \"press-release\"\n+++\nText.\n",
		"content/y.md": "+++\ntitle = \"CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\"\ndate = 2021-01-01\nprogramme = \"aip-baseline\"\nkind = \"hmcpsi-summary\"\n+++\nText.\n",
	})
	code, _, errs := runCmd("build", "-source", dir, "-base-url", "https://example.org/")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`content/x.md:3: error: front matter: programme "AIP" is not one site.toml knows (AIP-follow-up, AIP-baseline, AAP, thematic, or unknown)`,
		`content/x.md:4: error: front matter: kind "press-release" is not one site.toml knows (cps-response, hmcpsi-summary)`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "content/y.md") {
		t.Errorf("known values, in another case, were refused:\n%s", errs)
	}
	if b := readFile(t, filepath.Join(dir, "public/data/reports.json")); !strings.Contains(b, `"programme": "AIP-baseline"`) && !strings.Contains(b, `"programme":"AIP-baseline"`) {
		t.Error("a programme given in another case is not published as site.toml spells it")
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "build"}, {"build", "-h"}, {"build", "-help"}} {
		code, out, errs := runCmd(args...)
		if code != 0 || errs != "" || !strings.HasPrefix(out, "usage: inspectsite build [flags]\n\nRead the site folder") ||
			!strings.Contains(out, "-dest folder") || !strings.Contains(out, "-strict") {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s", args, code, errs, out)
		}
	}
	for _, c := range commands {
		code, out, _ := runCmd("help", c.name)
		if code != 0 || !strings.Contains(out, c.purpose) {
			t.Errorf("help %s: exit %d, %q", c.name, code, out)
		}
	}
	if code, out, _ := runCmd("help"); code != 0 || !strings.Contains(out, "  serve    Build the site, serve it") {
		t.Errorf("help: exit %d, %q", code, out)
	}
	if code, _, errs := runCmd("help", "frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Errorf("help frobnicate: exit %d, %q", code, errs)
	}
	if code, out, errs := runCmd(); code != 2 || out != "" || !strings.Contains(errs, "commands:") {
		t.Errorf("no command: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestUnexpectedArgumentsAreNamed(t *testing.T) {
	dir := newSite(t, nil)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "extra"}, `inspectsite check: unexpected argument "extra"`},
		{[]string{"build", "-source", dir, "public"}, `inspectsite build: unexpected argument "public"`},
		{[]string{"serve", "now"}, `inspectsite serve: unexpected argument "now"`},
		{[]string{"version", "2"}, `inspectsite version: unexpected argument "2"`},
		{[]string{"new", "a", "b"}, `inspectsite new: unexpected argument "b"`},
		{[]string{"new", "a", "-x"}, `unexpected argument "-x" (flags go before arguments)`},
		{[]string{"build", "-nope"}, "inspectsite build: flag provided but not defined: -nope"},
		{[]string{"new"}, "name the folder to make the site in"},
	}
	for _, tc := range cases {
		code, out, errs := runCmd(tc.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tc.args, code, out, errs, tc.want)
		}
	}
}

// Diagnostics go to stderr and the summary to stdout, in correct English.
func TestDiagnosticsOnStderrSummaryOnStdout(t *testing.T) {
	dir := newSite(t, nil)
	for _, cmd := range []string{"build", "check"} {
		code, out, errs := runCmd(cmd, "-source", dir)
		if code != 0 || strings.Contains(out, "content/") || !strings.Contains(errs, "content/002_846e74a289f4ef76.txt: warning: no publication date") || strings.Count(out, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
	one := t.TempDir()
	if code, out, errs := runCmd("new", filepath.Join(one, "site")); code != 0 || errs != "" || !strings.Contains(out, "next: cd ") {
		t.Fatalf("new: exit %d, %q %q", code, out, errs)
	}
	site := filepath.Join(one, "site")
	if code, out, _ := runCmd("build", "-source", site); code != 0 || !strings.HasPrefix(out, "built 1 report, 1 area, 12 themes, ") {
		t.Errorf("build: exit %d, %q", code, out)
	}
	if code, out, _ := runCmd("check", "-source", site); code != 0 || out != "checked 1 document: 0 errors, 0 warnings\n" {
		t.Errorf("check: exit %d, %q", code, out)
	}
	os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"x\"\npage_sise = 3\n"), 0o644)
	code, out, errs := runCmd("check", "-source", site)
	if code != 1 || out != "" || !strings.Contains(errs, "site.toml:2: error:") || !strings.Contains(errs, "inspectsite check: stopped by 1 error before the links could be checked") || strings.Contains(errs, "previous site") {
		t.Errorf("check of a broken site.toml: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestNewMakesASiteThatPassesStrict(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my site")
	code, out, errs := runCmd("new", dir)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, %q", code, errs)
	}
	if !strings.Contains(out, "content/example.txt, site.toml") || !strings.Contains(out, "next: cd '"+dir+"' && inspectsite serve") {
		t.Errorf("stdout %q", out)
	}
	if cfg := readFile(t, filepath.Join(dir, "site.toml")); strings.Count(cfg, "\n# ") < 10 {
		t.Errorf("site.toml has too few comments to guide anyone:\n%s", cfg)
	}
	if code, _, errs := runCmd("build", "-strict", "-source", dir); code != 0 {
		t.Fatalf("build -strict: exit %d: %s", code, errs)
	}
	if code, _, errs := runCmd("check", "-source", dir); code != 0 || errs != "" {
		t.Fatalf("check: exit %d: %s", code, errs)
	}
	// Now dir holds a site: new refuses it, and a file, and writes nothing.
	before := tree(t, dir)
	code, out, errs = runCmd("new", dir)
	if code != 2 || out != "" || !strings.Contains(errs, "is not empty") {
		t.Errorf("a non-empty folder: exit %d, %q %q", code, out, errs)
	}
	if after := tree(t, dir); len(after) != len(before) || after["site.toml"] != before["site.toml"] {
		t.Error("new changed a folder it refused")
	}
	if code, _, errs := runCmd("new", filepath.Join(dir, "site.toml")); code != 2 || !strings.Contains(errs, "is a file") {
		t.Errorf("a file: exit %d, %q", code, errs)
	}
}

func TestVersionLine(t *testing.T) {
	setting := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	cases := []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "inspectsite v1.2.0 (go1.26.8)"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: setting("vcs.revision", "45f2925abcdef0123456789", "vcs.time", "2026-12-01T19:00:00Z", "vcs.modified", "true")},
			"inspectsite (devel) (revision 45f2925abcde-dirty, 2026-12-01T19:00:00Z, go1.26.8)"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Settings: setting("vcs.revision", "45f2925", "vcs.modified", "false")},
			"inspectsite (devel) (revision 45f2925, go1.26.8)"},
		{nil, "inspectsite (no build information)"},
	}
	for _, tc := range cases {
		if got := versionLine(tc.info); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if code, out, _ := runCmd("version"); code != 0 || !strings.HasPrefix(out, "inspectsite ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
