package render

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// feedEntries is how many of the newest reports the feed carries.
const feedEntries = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapURLs lists every page but the 404 page, with report dates.
func (r *run) sitemapURLs() []sitemapURL {
	var urls []sitemapURL
	for _, p := range r.pages {
		if p.URL == "/404.html" {
			continue
		}
		u := sitemapURL{Loc: r.urls.abs(p.URL)}
		if d, ok := p.Data.(reportData); ok {
			u.LastMod = d.R.Date
		}
		urls = append(urls, u)
	}
	return urls
}

// sitemapLimit is the most URLs one sitemap file may list (sitemaps.org).
const sitemapLimit = 50000

// sitemaps writes sitemap.xml; past the protocol's limit it becomes an
// index of sitemap-1.xml, sitemap-2.xml, ...
func (r *run) sitemaps(urls []sitemapURL) {
	if len(urls) <= sitemapLimit {
		b, err := marshalXML(urlset{URLs: urls})
		r.emit("sitemap.xml", b, err)
		return
	}
	var idx sitemapIndex
	for i := 0; i*sitemapLimit < len(urls); i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		part := urls[i*sitemapLimit : min((i+1)*sitemapLimit, len(urls))]
		b, err := marshalXML(urlset{URLs: part})
		r.emit(name, b, err)
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: r.urls.abs("/" + name)})
	}
	b, err := marshalXML(idx)
	r.emit("sitemap.xml", b, err)
}

// xmlFiles writes feed.xml (Atom, newest reports first), sitemap.xml and
// robots.txt. Dates come from the reports, never the clock, so the same
// input gives the same bytes.
func (r *run) xmlFiles() {
	cfg := r.s.Config
	f := atomFeed{Title: cfg.Title, ID: r.urls.abs("/"), Author: atomAuthor{cfg.Title},
		Links: []atomLink{{Href: r.urls.abs("/feed.xml"), Rel: "self"}, {Href: r.urls.abs("/")}}}
	for _, rep := range r.s.Newest {
		if len(f.Entries) == feedEntries || rep.Date == "" {
			break
		}
		updated := rep.Date + "T00:00:00Z"
		if f.Updated == "" {
			f.Updated = updated
		}
		summary := rep.Area
		if summary == "" {
			summary = "National or thematic"
		}
		summary += ": " + plural(len(rep.Issues), "issue to address", "issues to address")
		f.Entries = append(f.Entries, atomEntry{Title: ReportTitle(rep), ID: r.urls.abs(rep.URL), Updated: updated,
			Link: atomLink{Href: r.urls.abs(rep.URL)}, Summary: summary})
	}
	if f.Updated == "" {
		f.Updated = "1970-01-01T00:00:00Z"
	}
	b, err := marshalXML(f)
	r.emit("feed.xml", b, err)

	if r.cache == nil { // serve makes sitemaps on request
		r.sitemaps(r.sitemapURLs())
	}
	// The sitemap's URL is percent-encoded (see urls): no byte of it can
	// end its line.
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + r.urls.abs("/sitemap.xml") + "\n"
	r.emit("robots.txt", []byte(robots), nil)
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return []byte(xml.Header + strings.TrimSpace(string(b)) + "\n"), nil
}
