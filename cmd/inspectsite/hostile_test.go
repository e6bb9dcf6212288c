package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMain lets a test run the command itself, in a child process: the
// test binary acts as inspectsite when INSPECTSITE_MAIN is set.
func TestMain(m *testing.M) {
	if os.Getenv("INSPECTSITE_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// command runs the binary as a user would.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "INSPECTSITE_MAIN=1")
	return cmd
}

// hostile is every broken or hostile input the hardening issue names,
// each with the diagnostic it must get: "file: severity: text".
func hostileFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	big := strings.Repeat("The Area must improve. ", 20<<20/23+1)
	var issues strings.Builder
	issues.WriteString("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n01/02/2020\n\nIssues to address\n\n")
	for i := 1; i <= 20000; i++ {
		fmt.Fprintf(&issues, "%d. Improve disclosure in case %d.\nCPS response: We will, case %d.\n", i, i, i)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 255}, 500)...)
	files := map[string][]byte{
		"content/empty.txt":       {},
		"content/image.txt":       png,
		"content/nul.md":          []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\x00\x00 hidden"),
		"content/latin1.txt":      []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n03/03/2019\n\nThe Area\x92s staff \x96 all of them \x96 were praised.\n"),
		"content/huge.txt":        []byte(big),
		"content/oneline.txt":     []byte(strings.Repeat("x", 10<<20)),
		"content/many-issues.txt": []byte(issues.String()),
		"content/nested.md":       []byte(strings.Repeat(">", 20000) + " quote\n\n" + strings.Repeat("[", 20000) + "\n\n" + strings.Repeat("- ", 20000) + "x\n"),
		"content/repeated.txt":    []byte("Response of CPS Wessex\n04/04/2019\n\nIssues to address\n\n2. Second.\nCPS response: B.\n1. First.\nCPS response: A.\n2. Again.\nCPS response: C.\n"),
		"content/unclosed.md":     []byte("+++\ntitle = \"never closed\"\n\nCPS Response\n"),
		"content/badtoml.md":      []byte("+++\ntitle = \"x\"\ndate = [unclosed\n+++\nText\n"),
		"content/unknown-area.md": []byte("+++\narea = \"Atlantis\"\ndate = 2020-01-01\n+++\nCPS Response to an inspection\n"),
		"content/same-a.txt":      []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n05/05/2019\n\nText one.\n"),
		"content/same-b.txt":      []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n05/05/2019\n\nText two.\n"),
		"content/traversal.md":    []byte("+++\nid = \"../../../etc/passwd\"\narea = \"../../etc\"\n+++\nCPS Response\n"),
		"content/script.md":       []byte("+++\ntitle = \"<script>alert(1)</script> Title\"\nsource_url = \"javascript:alert(1)\"\n+++\n<script>alert(2)</script>\n\nCPS Response to HMCPSI Area Assurance Inspection of CPS Wessex <img src=x onerror=alert(3)>\n06/06/2019\n\nSee [click](javascript:alert(4)) and <a href=\"javascript:alert(5)\" onclick=\"alert(6)\">this</a>.\n\nIssues to address\n\n1. <script>alert(7)</script> Improve <b onmouseover=alert(8)>letters</b>.\nCPS response: <iframe src=javascript:alert(9)></iframe> Done.\n"),
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\nSECRET OUTSIDE CONTENT\n"), 0o644)
	os.Symlink(outside, filepath.Join(dir, "content/link-out.txt"))
	os.Symlink(filepath.Join(dir, "content/loop"), filepath.Join(dir, "content/loop"))
	os.MkdirAll(filepath.Join(dir, "content/dir"), 0o755)
	os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "content/dir/up"))

	return map[string]string{
		"content/empty.txt":       "content/empty.txt: error: document is empty",
		"content/image.txt":       "content/image.txt: error: file holds binary data",
		"content/nul.md":          "content/nul.md: error: file holds binary data",
		"content/latin1.txt":      "content/latin1.txt: warning: not valid UTF-8: read as Windows-1252",
		"content/huge.txt":        "content/huge.txt: error: document is 20971",
		"content/oneline.txt":     "content/oneline.txt: error: document is 10485760 bytes, over the limit",
		"content/repeated.txt":    "content/repeated.txt:10: warning: issue 2 is numbered again",
		"content/unclosed.md":     "content/unclosed.md:1: error: front matter opened with +++ is never closed",
		"content/badtoml.md":      "content/badtoml.md:3: error: front matter:",
		"content/unknown-area.md": "content/unknown-area.md:2: warning: front matter: area \"Atlantis\" is not one of the Areas",
		"content/same-b.txt":      "content/same-b.txt: warning: same id \"wessex-2019-05-05\" as content/same-a.txt",
		"content/link-out.txt":    "content/link-out.txt: warning: symbolic link not followed",
		"content/loop":            "content/loop: warning: symbolic link not followed",
		"content/dir/up":          "content/dir/up: warning: symbolic link not followed",
	}
}

func TestHostileFolderBuildsTheGoodAndNamesTheBad(t *testing.T) {
	if testing.Short() {
		t.Skip("long: skipped by -short")
	}
	dir := newSite(t, nil)
	want := hostileFiles(t, dir)
	dest := filepath.Join(t.TempDir(), "public")
	cmd := command("build", "-source", dir, "-dest", dest)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1 (content errors); stderr:\n%.3000s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Fatalf("panic:\n%s", stderr.String())
	}
	for name, diagnostic := range want {
		if !strings.Contains(stderr.String(), diagnostic) {
			t.Errorf("%s: no diagnostic %q", name, diagnostic)
		}
	}
	// The good documents built: the five seeds, and the readable bad ones.
	var doc struct {
		Reports []struct {
			ID, Source, Title, AreaSlug string
			Issues                      []struct{ Number int }
		} `json:"reports"`
	}
	b, err := os.ReadFile(filepath.Join(dest, "data/reports.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	sources := map[string]int{}
	for _, r := range doc.Reports {
		sources[r.Source] = len(r.Issues)
	}
	for _, good := range []string{"content/000_d4d0eb5e2a460308.txt", "content/004_2ce7948a5ef21065.txt", "content/latin1.txt", "content/nested.md", "content/script.md", "content/traversal.md"} {
		if _, ok := sources[good]; !ok {
			t.Errorf("%s was not built", good)
		}
	}
	if sources["content/many-issues.txt"] != 20000 {
		t.Errorf("many-issues.txt: %d issues, want 20000", sources["content/many-issues.txt"])
	}
	for _, bad := range []string{"content/empty.txt", "content/image.txt", "content/huge.txt", "content/oneline.txt", "content/unclosed.md", "content/link-out.txt"} {
		if _, ok := sources[bad]; ok {
			t.Errorf("%s was built", bad)
		}
	}
	checkNothingEscaped(t, dest)
}

// checkNothingEscaped: nothing outside dest was written, and no markup
// from a document reached a page.
func checkNothingEscaped(t *testing.T, dest string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "etc")); err == nil {
		t.Error("a file was written outside -dest")
	}
	// Markup that would run: tags and attributes, not the same words shown
	// as escaped text (the source view shows the document as written).
	active := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>[^<]|<iframe|<[a-z][^>]*\son[a-z]+\s*=|<[a-z][^>]*(?:href|src|action)\s*=\s*["']?\s*javascript:|<img[^>]*src=x`)
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		b, _ := os.ReadFile(p)
		if m := active.Find(b); m != nil {
			rel, _ := filepath.Rel(dest, p)
			t.Errorf("%s carries document markup: %q", rel, m)
		}
		if strings.HasSuffix(p, filepath.Join("reports", "script", "source", "index.html")) && !bytes.Contains(b, []byte("&lt;script&gt;")) {
			t.Errorf("%s: the document's script tag should be shown as text", p)
		}
		if bytes.Contains(b, []byte("SECRET OUTSIDE CONTENT")) {
			t.Errorf("%s shows a file from outside content/", p)
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(dest, "reports", "etc-passwd", "index.html")); err != nil {
		t.Errorf("the traversal id was not made a safe slug: %v", err)
	}
}
