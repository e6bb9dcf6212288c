package render

import (
	"bytes"
	"strconv"
	"sync"
	"testing"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/site"
)

func TestLargeSitesGetASitemapIndex(t *testing.T) {
	cfg := &config.Config{BaseURL: "https://example.org/sub/"}
	var mu sync.Mutex
	files := map[string][]byte{}
	r := &run{s: &site.Site{Config: cfg}, urls: newURLs(cfg.BaseURL, cfg.BasePath()), write: func(p string, b []byte) error {
		mu.Lock()
		files[p] = b
		mu.Unlock()
		return nil
	}}
	urls := make([]sitemapURL, 120001)
	for i := range urls {
		urls[i] = sitemapURL{Loc: cfg.AbsURL("/reports/r" + strconv.Itoa(i) + "/")}
	}
	r.sitemaps(urls)
	if !bytes.Contains(files["sitemap.xml"], []byte("<sitemapindex")) || !bytes.Contains(files["sitemap.xml"], []byte("https://example.org/sub/sitemap-3.xml")) {
		t.Fatalf("sitemap.xml is not an index of three sitemaps:\n%.500s", files["sitemap.xml"])
	}
	for name, want := range map[string]int{"sitemap-1.xml": 50000, "sitemap-2.xml": 50000, "sitemap-3.xml": 20001} {
		if n := bytes.Count(files[name], []byte("<url>")); n != want {
			t.Errorf("%s lists %d URLs, want %d", name, n, want)
		}
	}
	small := map[string][]byte{}
	r.write = func(p string, b []byte) error { small[p] = b; return nil }
	r.sitemaps(urls[:10])
	if !bytes.Contains(small["sitemap.xml"], []byte("<urlset")) || len(small) != 1 {
		t.Error("a small site has one plain sitemap.xml")
	}
}
