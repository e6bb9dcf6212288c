package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Block is one block of a report's narrative: a paragraph (Text), or a
// list (Items).
type Block struct {
	Text  Text
	List  bool
	Items []Text
}

// narrativeBlocks reads a narrative's markdown, from a document dated
// date, into paragraphs and lists of text. Only the words are kept: no
// markup of the document reaches a page except through a template.
func (r *run) narrativeBlocks(md, date string) []Block {
	if md == "" {
		return nil
	}
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	var out []Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if l, ok := n.(*ast.List); ok {
			b := Block{List: true}
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				b.Items = append(b.Items, r.gloss.text(plainText(it, src), date))
			}
			out = append(out, b)
			continue
		}
		if t := plainText(n, src); t != "" {
			out = append(out, Block{Text: r.gloss.text(t, date)})
		}
	}
	return out
}

// plainText is the text of a node and its descendants, line breaks kept.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if _, ok := c.(*ast.Paragraph); ok && c.NextSibling() != nil {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(t.Segment.Value(src)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for k := t.FirstChild(); k != nil; k = k.NextSibling() {
				if s, ok := k.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
