package render

import (
	"net/url"
	"strings"
	"testing"
)

// The fast path gives what escaping each segment gives.
func TestEscapePath(t *testing.T) {
	for _, p := range []string{"/reports/x-1/", "/themes/t/#area-a", "/a b/", `/x">/`, "/a\nb/", "/%22/", "/javascript:alert(1)/", "/é/", "/a#b#c", "", "/"} {
		want := p
		path, frag, ok := strings.Cut(p, "#")
		segs := strings.Split(path, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		want = strings.Join(segs, "/")
		if ok {
			want += "#" + url.PathEscape(frag)
		}
		if got := escapePath(p); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
		if strings.ContainsAny(escapePath(p), " \"<>\n") {
			t.Errorf("escapePath(%q) = %q", p, escapePath(p))
		}
	}
}
