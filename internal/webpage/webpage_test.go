package webpage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	cases := []struct {
		name, page, text, url string
	}{
		{"main wins over everything around it",
			`<html><head><title>T</title><script>var x = "1. no";</script><style>p{}</style></head><body>
<div class="govuk-cookie-banner"><p>We use cookies</p></div><header><p>Site name</p></header><nav><ul><li>Home</li></ul></nav>
<main><h1>Title</h1><p>First   paragraph,
 folded.</p></main><footer><p>Crown copyright</p></footer></body></html>`,
			"# Title\n\nFirst paragraph, folded.\n", ""},
		{"role=main when there is no main element",
			`<body><div role="banner">Banner</div><div role="main"><p>Body text.</p></div><div role="contentinfo">Footer</div></body>`,
			"Body text.\n", ""},
		{"the article with the most text",
			`<body><article><p>Short teaser.</p></article><article><h2>Real</h2><p>The document itself, which is much longer than any teaser.</p></article></body>`,
			"## Real\n\nThe document itself, which is much longer than any teaser.\n", ""},
		{"the body without its header and footer, a header inside an article kept",
			`<body><header>Site</header><div><article><header><h1>Kept</h1></header><p>Text.</p></article></div><footer>Foot</footer></body>`,
			"# Kept\n\nText.\n", ""},
		{"ordered lists numbered as the page numbers them",
			`<main><ol start="3"><li>Third.</li><li value="7">Seventh.</li><li>Eighth.</li></ol><ul><li>Bullet</li><li></li></ul></main>`,
			"3. Third.\n7. Seventh.\n8. Eighth.\n\n- Bullet\n", ""},
		{"a list item holding paragraphs keeps its number",
			`<main><ol><li><p>One.</p></li><li><p>Two.</p><p>More of two.</p></li></ol></main>`,
			"1. One.\n\n2. Two.\n\nMore of two.\n", ""},
		{"table rows on one line, inline markup joined as a browser shows it",
			`<main><table><tr><th>Casework Quality</th><td><strong>Fair</strong></td></tr></table><p><b>CPS response</b>: we <em>will</em>.<br>Next line</p></main>`,
			"Casework Quality – Fair\n\nCPS response: we will.\nNext line\n", ""},
		{"hidden, aria-hidden, share links and forms dropped",
			`<main><p hidden>Hidden</p><p aria-hidden="true">Icon</p><div class="social-share">Share this page</div><form><label>Search</label></form><p style="display: none">x</p><p>Shown</p></main>`,
			"Shown\n", ""},
		{"canonical link first",
			`<head><link rel="alternate canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y"></head><main>x</main>`,
			"x\n", "https://a.example/x"},
		{"og:url when there is no canonical link",
			`<head><link rel="canonical" href="/relative"><meta property="og:url" content="https://b.example/y"></head><main>x</main>`,
			"x\n", "https://b.example/y"},
		{"the browser's saved-from comment last",
			"<!DOCTYPE html>\n<!-- saved from url=(0021)https://c.example/z -->\n<html><main>x</main></html>",
			"x\n", "https://c.example/z"},
		{"no web address at all",
			`<head><link rel="canonical" href="javascript:alert(1)"></head><main>x</main>`,
			"x\n", ""},
		{"front matter above the markup kept as written",
			"+++\ndate = 2020-01-02\n+++\n<main><p>Text</p></main>",
			"+++\ndate = 2020-01-02\n+++\n\nText\n", ""},
		{"markup in the text is text",
			`<main><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p></main>`,
			"<script>alert(1)</script> & more\n", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := Read([]byte(tc.page))
			if string(p.Text) != tc.text {
				t.Errorf("text:\n%q\nwant\n%q", p.Text, tc.text)
			}
			if p.SourceURL != tc.url {
				t.Errorf("source url %q, want %q", p.SourceURL, tc.url)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(`<main><h1>T</h1><ol start="2"><li><p>x</p></li></ol><table><tr><td>a<td>b</table></main>`))
	f.Add([]byte("+++\nx = 1\n+++\n<body><article>y</article></body>"))
	f.Add([]byte("<!-- saved from url=(0010)http://x/ --><p>z"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Read(data)
		if len(p.Text) == 0 || p.Text[len(p.Text)-1] != '\n' {
			t.Fatalf("text %q does not end in a newline", p.Text)
		}
		if utf8.Valid(data) && !utf8.Valid(p.Text) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", p.Text)
		}
		if p.SourceURL != "" && !strings.HasPrefix(p.SourceURL, "http") {
			t.Fatalf("source url %q", p.SourceURL)
		}
	})
}
