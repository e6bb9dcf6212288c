package render

import (
	"strconv"

	"github.com/inspectsite/inspectsite/internal/site"
)

// LazyNames lists every file Lazy makes for s, so that a request for any
// other name (a sitemap-N.xml past the last) is answered without making
// anything.
func LazyNames(s *site.Site) map[string]bool {
	names := map[string]bool{"search/index.json": true, "sitemap.xml": true}
	for n := range DataFiles {
		names[n] = true
	}
	if n := len(newRun(s, nil, nil).sitemapURLs()); n > sitemapLimit {
		for i := 0; i*sitemapLimit < n; i++ {
			names["sitemap-"+strconv.Itoa(i+1)+".xml"] = true
		}
	}
	return names
}
