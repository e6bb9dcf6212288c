// Package linkcheck checks a built site as a static host serves it: every
// internal link, asset and #fragment in every HTML page must resolve to a
// file of the site, and to an id in it. External links are not fetched.
//
// It works on the rendered files in memory and knows nothing of how they
// were made.
package linkcheck

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Problem is one link that does not resolve.
type Problem struct {
	Page string // the file holding the link, "reports/x/index.html"
	Link string
	Why  string
}

func (p Problem) String() string { return fmt.Sprintf("%s: link %q: %s", p.Page, p.Link, p.Why) }

// Check checks every HTML file in files (slash paths relative to the site
// root) for a site served under basePath ("/" or "/sub/").
func Check(files map[string][]byte, basePath string) []Problem {
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for name, body := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		ids[name], links[name] = scan(body)
	}
	var out []Problem
	names := make([]string, 0, len(links))
	for n := range links {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, page := range names {
		for _, link := range links[page] {
			if why := resolve(files, ids, basePath, page, link); why != "" {
				out = append(out, Problem{page, link, why})
			}
		}
	}
	return out
}

// scan collects the ids and the link targets of one page.
func scan(body []byte) (map[string]bool, []string) {
	ids := map[string]bool{}
	var links []string
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids, links
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "id":
				ids[string(v)] = true
			case "href", "src", "action":
				if string(name) != "base" {
					links = append(links, string(v))
				}
			}
		}
	}
}

// resolve returns why link (found on page) does not resolve, or "".
func resolve(files map[string][]byte, ids map[string]map[string]bool, basePath, page, link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return "not a valid URL"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: not fetched
	}
	target := page
	if u.Path != "" {
		p := u.Path
		if !strings.HasPrefix(p, "/") {
			p = path.Join("/"+path.Dir(page), p)
			if strings.HasSuffix(u.Path, "/") {
				p += "/"
			}
		} else {
			if !strings.HasPrefix(p, basePath) {
				return "outside the site's base path " + basePath
			}
			p = "/" + strings.TrimPrefix(p, basePath)
		}
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		target = strings.TrimPrefix(p, "/")
		if _, ok := files[target]; !ok {
			return "no such file " + target
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
		return "no element with id " + u.Fragment + " in " + target
	}
	return ""
}
