package webpage

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textWriter turns elements into lines: each block a line of its own (a
// <br> breaks a line inside one), blocks parted by a blank line, the
// spaces of the markup folded as a browser folds them.
type textWriter struct {
	buf  bytes.Buffer
	line strings.Builder // the line being gathered
	// marker is the heading or list marker the line began with; a line
	// holding nothing more is not written.
	marker int
	// space is a pending space between words, written only before the
	// next word, so that no line begins or ends with one.
	space bool
}

// blockAtoms start a new line.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Blockquote: true, atom.Pre: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Details: true, atom.Summary: true, atom.Hr: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Table: true, atom.Caption: true, atom.Tr: true, atom.Center: true, atom.Fieldset: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// block writes n's children. wholeBody says that n is the whole body, whose
// own header and footer are the site's, not the document's.
func (w *textWriter) block(n *html.Node, wholeBody bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, wholeBody)
	}
	w.endBlock()
}

func (w *textWriter) node(n *html.Node, wholeBody bool) {
	switch n.Type {
	case html.TextNode:
		w.words(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if dropped(n) || (wholeBody && pageChrome(n)) {
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		w.endLine()
	case headingLevel[n.DataAtom] > 0:
		w.endBlock()
		w.mark(strings.Repeat("#", headingLevel[n.DataAtom]) + " ")
		w.children(n, wholeBody)
		w.endBlock()
		w.clear()
	case n.DataAtom == atom.Ol || n.DataAtom == atom.Ul:
		w.list(n, wholeBody)
	case n.DataAtom == atom.Tr:
		w.row(n, wholeBody)
	case n.DataAtom == atom.Pre:
		w.endBlock()
		w.line.WriteString(strings.TrimRight(textOf(n), "\n"))
		w.endBlock()
	case n.DataAtom == atom.Img:
		if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
			w.words(alt)
		}
	case blockAtoms[n.DataAtom]:
		w.endBlock()
		w.children(n, wholeBody)
		w.endBlock()
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.children(n, wholeBody)
	default:
		w.children(n, wholeBody)
	}
}

func (w *textWriter) children(n *html.Node, wholeBody bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, wholeBody)
	}
}

// list writes each item on a line of its own, numbered as the page
// numbers it ("1. ", from start and value attributes) or marked "- ".
func (w *textWriter) list(n *html.Node, wholeBody bool) {
	w.endBlock()
	number, step := 1, 1
	if n.DataAtom == atom.Ol {
		if v, err := strconv.Atoi(attr(n, "start")); err == nil {
			number = v
		}
		if hasAttr(n, "reversed") {
			step = -1
		}
	}
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li || dropped(li) {
			if li.Type == html.ElementNode {
				w.node(li, wholeBody)
			}
			continue
		}
		w.endLine()
		if n.DataAtom == atom.Ol {
			if v, err := strconv.Atoi(attr(li, "value")); err == nil {
				number = v
			}
			w.mark(strconv.Itoa(number) + ". ")
			number += step
		} else {
			w.mark("- ")
		}
		w.children(li, wholeBody)
		w.endLine()
		w.clear()
	}
	w.endBlock()
}

// row writes a table row's cells on one line, parted by " – ", the way
// the documents write a criterion and its rating.
func (w *textWriter) row(n *html.Node, wholeBody bool) {
	w.endLine()
	first := true
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || dropped(c) {
			continue
		}
		var cell textWriter
		cell.children(c, wholeBody)
		text := strings.Join(strings.Fields(string(cell.bytes())), " ")
		if text == "" {
			continue
		}
		if !first {
			w.line.WriteString(" – ")
		}
		w.line.WriteString(text)
		first = false
	}
	w.endLine()
}

// words adds text, folding runs of white space to one space.
func (w *textWriter) words(s string) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		w.space = w.space || s != ""
		return
	}
	if isSpace(s[0]) {
		w.space = true
	}
	for i, f := range fields {
		if (i > 0 || w.space) && w.line.Len() > w.marker {
			w.line.WriteByte(' ')
		}
		w.line.WriteString(f)
	}
	w.space = isSpace(s[len(s)-1])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// mark begins a line with a heading or list marker.
func (w *textWriter) mark(m string) {
	w.line.WriteString(m)
	w.marker = len(m)
	w.space = false
}

// endLine ends the line being gathered. A line holding nothing but its
// marker is kept for the text to come (<li><p>text</p></li>).
func (w *textWriter) endLine() {
	line := strings.TrimRight(w.line.String(), " ")
	if len(line) <= w.marker {
		w.space = false
		return
	}
	w.line.Reset()
	w.space, w.marker = false, 0
	w.buf.WriteString(line)
	w.buf.WriteByte('\n')
}

// clear forgets a marker that got no text (an empty list item).
func (w *textWriter) clear() {
	w.line.Reset()
	w.space, w.marker = false, 0
}

// endBlock ends the line and leaves a blank line after the block.
func (w *textWriter) endBlock() {
	w.endLine()
	if w.buf.Len() > 0 && !bytes.HasSuffix(w.buf.Bytes(), []byte("\n\n")) {
		w.buf.WriteByte('\n')
	}
}

// bytes is the text written, ending in one newline.
func (w *textWriter) bytes() []byte {
	w.endLine()
	return append(bytes.TrimRight(w.buf.Bytes(), "\n"), '\n')
}

// textOf is the text under n as written, for <pre>.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && dropped(c) {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		if c.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		return true
	})
	return b.String()
}
