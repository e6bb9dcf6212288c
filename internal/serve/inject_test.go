package serve

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The reload script's tag and the error page keep a hostile base path in
// its attributes, percent-encoded: no element or attribute is added.
func TestReloadTagEscapesTheBasePath(t *testing.T) {
	for _, base := range []string{`/x"><img src=x onerror=alert(1)>/`, "/a\nb/", `/%22/`, `/javascript:alert(1)/`} {
		s := NewServer(base, "127.0.0.1:1", true)
		s.problem = `<img src=x onerror=alert(1)> "broken"`
		page := s.inject([]byte("<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"))
		for _, doc := range [][]byte{page, []byte(s.scriptTag(3))} {
			z := html.NewTokenizer(bytes.NewReader(doc))
			scripts := 0
			for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
				if tt != html.StartTagToken {
					continue
				}
				tok := z.Token()
				if tok.Data == "img" {
					t.Errorf("%q: an <img> was injected: %s", base, doc)
				}
				if tok.Data != "script" {
					continue
				}
				scripts++
				if len(tok.Attr) != 4 {
					t.Errorf("%q: script attributes %v", base, tok.Attr)
				}
				for _, a := range tok.Attr {
					if a.Key == "src" && (!strings.HasSuffix(a.Val, "/_inspectsite/reload.js") || strings.ContainsAny(a.Val, "\"<> \n")) {
						t.Errorf("%q: src=%q", base, a.Val)
					}
				}
			}
			if scripts != 1 {
				t.Errorf("%q: %d script elements in %s", base, scripts, doc)
			}
		}
	}
}
