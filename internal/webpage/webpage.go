// Package webpage reads a saved web page (a browser's "Save page as", or the
// HTML a site serves) as a document: the page's main content as lines of
// text, with its navigation, banners, scripts and styles dropped, and the
// address the page gives for itself.
//
// It runs before the reader: build hands the text it returns to
// report.Parser as though it were a .txt file, so the reader, its line
// numbers and the source view all work on the extracted text. It knows
// nothing of inspections; it knows HTML.
package webpage

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extensions are the file endings read as web pages.
var Extensions = map[string]bool{".html": true, ".htm": true}

// AssetFolder reports a folder name such as "Page title_files": the folder
// of images, styles, scripts and frames that Chrome's and Firefox's "Save
// page as … complete" writes beside a page. It never holds documents, even
// where a frame was saved as .html.
func AssetFolder(name string) bool { return strings.HasSuffix(name, "_files") }

// Page is what a saved web page holds for the reader.
type Page struct {
	// Text is the main content as text: a heading, a paragraph, a list
	// item or a table row to a line, a blank line between blocks, "#"
	// before a heading as in markdown, and list items numbered as the
	// page numbers them. Front matter the file begins with comes first,
	// as written.
	Text []byte
	// SourceURL is the page's own address, from <link rel="canonical">,
	// else og:url, else the "saved from url" comment a browser writes;
	// "" when the page gives no absolute http(s) address.
	SourceURL string
}

// Read extracts the main content of a web page. It never fails: markup
// the HTML parser cannot make sense of is read as HTML5 reads it.
func Read(data []byte) Page {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	front, markup := splitFrontMatter(data)
	doc, err := html.Parse(bytes.NewReader(markup))
	if err != nil { // only a reader's error, which a byte slice never gives
		return Page{Text: front}
	}
	var w textWriter
	w.buf.Write(front)
	root := mainContent(doc)
	w.block(root, root == body(doc))
	return Page{Text: w.bytes(), SourceURL: sourceURL(doc, markup)}
}

// splitFrontMatter separates a +++ block at the start of the file, which
// an editor may add to correct what the page says, from the markup.
func splitFrontMatter(data []byte) (front, rest []byte) {
	if !bytes.HasPrefix(data, []byte("+++\n")) && !bytes.HasPrefix(data, []byte("+++\r\n")) {
		return nil, data
	}
	pos := bytes.IndexByte(data, '\n') + 1
	for pos < len(data) {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		}
		if string(bytes.TrimSpace(data[pos:pos+end])) == "+++" {
			cut := min(pos+end+1, len(data))
			f := append(bytes.TrimRight(data[:cut], "\r\n"), '\n')
			return f, data[cut:]
		}
		pos += end + 1
	}
	return nil, data // never closed: the reader will say so if it matters
}

// mainContent is the element holding the page's own text: <main>, else an
// element with role="main", else the <article> with the most text, else
// the body (with its banners, navigation and footers dropped).
func mainContent(doc *html.Node) *html.Node {
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main && !dropped(n) }); n != nil {
		return n
	}
	if n := find(doc, func(n *html.Node) bool { return attr(n, "role") == "main" && !dropped(n) }); n != nil {
		return n
	}
	var best *html.Node
	bestLen := 0
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && dropped(n) {
			return false
		}
		if n.DataAtom == atom.Article {
			if l := textLen(n); l > bestLen {
				best, bestLen = n, l
			}
		}
		return true
	})
	if best != nil {
		return best
	}
	return body(doc)
}

func body(doc *html.Node) *html.Node {
	if b := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		return b
	}
	return doc
}

// textLen counts the characters of text under n, outside dropped parts.
func textLen(n *html.Node) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && dropped(c) {
			return false
		}
		if c.Type == html.TextNode {
			total += len(strings.TrimSpace(c.Data))
		}
		return true
	})
	return total
}

// droppedAtoms never hold a document's words.
var droppedAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Aside: true, atom.Form: true, atom.Button: true, atom.Iframe: true, atom.Svg: true,
	atom.Math: true, atom.Dialog: true, atom.Select: true, atom.Textarea: true, atom.Head: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

// droppedRoles are landmarks and widgets around a page's content.
var droppedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true, "dialog": true,
	"alertdialog": true, "complementary": true, "menu": true, "menubar": true, "toolbar": true,
}

// chromeName matches the ids and classes of cookie banners, skip links,
// breadcrumbs and share buttons.
var chromeName = regexp.MustCompile(`(?i)cookie|consent|gdpr|(?:^|[\s_-])(?:skip-?link|breadcrumbs?|share|sharing|social|feedback)(?:$|[\s_-])`)

// dropped reports an element that is page furniture, not content.
func dropped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if droppedAtoms[n.DataAtom] || droppedRoles[attr(n, "role")] {
		return true
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	return chromeName.MatchString(attr(n, "id")) || chromeName.MatchString(attr(n, "class")) ||
		chromeName.MatchString(attr(n, "aria-label"))
}

// pageChrome is dropped only when the whole body is read: a header or
// footer inside <main> or an <article> belongs to the content.
func pageChrome(n *html.Node) bool {
	return n.DataAtom == atom.Header || n.DataAtom == atom.Footer
}

// sourceURL finds the address a page gives for itself.
func sourceURL(doc *html.Node, markup []byte) string {
	var canonical, og string
	walk(doc, func(n *html.Node) bool {
		switch {
		case n.DataAtom == atom.Link && canonical == "" && hasToken(attr(n, "rel"), "canonical"):
			canonical = attr(n, "href")
		case n.DataAtom == atom.Meta && og == "" && (attr(n, "property") == "og:url" || attr(n, "name") == "og:url"):
			og = attr(n, "content")
		}
		return true
	})
	for _, u := range []string{canonical, og, savedFrom(markup)} {
		if webURL(u) {
			return strings.TrimSpace(u)
		}
	}
	return ""
}

// savedFromComment is the mark of the web Chrome and Internet Explorer
// write at the top of a saved page: <!-- saved from url=(0042)https://... -->
var savedFromComment = regexp.MustCompile(`<!--\s*saved from url=\(\d+\)(\S+?)\s*-->`)

func savedFrom(markup []byte) string {
	head := markup[:min(len(markup), 4096)]
	if m := savedFromComment.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

func webURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// walk visits n and its descendants in document order; visit returning
// false skips a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

// find is the first node in document order that ok accepts.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if ok(c) {
			found = c
			return false
		}
		return true
	})
	return found
}
