package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/inspectsite/inspectsite/internal/report"
)

// Block is one block of a report's narrative: a paragraph (Phrases), or a
// list (Items, each an item's phrases).
type Block struct {
	Phrases []Phrase
	List    bool
	Items   [][]Phrase
}

// Phrase is a run of a narrative's text with its emphasis, as a markdown
// document gives it (a plain-text document's phrases have none); Link is
// the URL it links to, or "".
type Phrase struct {
	Text             Text
	Strong, Em, Code bool
	Link             string
}

// narrativeBlocks is a report's narrative for its page: a markdown
// document's from its own markdown, read by goldmark (raw HTML left out),
// a plain-text document's from its paragraphs as they are.
func (r *run) narrativeBlocks(rep *report.Report) []Block {
	if rep.NarrativeMarkdown != "" {
		src := []byte(rep.NarrativeMarkdown)
		return r.markdownBlocks(markdown.Parser().Parse(text.NewReader(src)), src, rep.Date, nil)
	}
	out := make([]Block, 0, len(rep.Narrative))
	for _, p := range rep.Narrative {
		if p.Items == nil {
			out = append(out, Block{Phrases: []Phrase{{Text: r.gloss.text(p.Text, rep.Date)}}})
			continue
		}
		b := Block{List: true}
		for _, it := range p.Items {
			b.Items = append(b.Items, []Phrase{{Text: r.gloss.text(it, rep.Date)}})
		}
		out = append(out, b)
	}
	return out
}

// markdownBlocks appends the blocks under n, from a document dated date.
func (r *run) markdownBlocks(n ast.Node, src []byte, date string, out []Block) []Block {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			b := Block{List: true}
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				b.Items = append(b.Items, r.phrases(it, src, date))
			}
			out = append(out, b)
		case *ast.Blockquote:
			out = r.markdownBlocks(c, src, date, out)
		case *ast.HTMLBlock, *ast.ThematicBreak:
			// raw HTML is not shown; a rule has no words
		default:
			if ps := r.phrases(c, src, date); len(ps) > 0 {
				out = append(out, Block{Phrases: ps})
			}
		}
	}
	return out
}

// phrases reads the inline text under n into phrases, one per run of the
// same emphasis and link.
func (r *run) phrases(n ast.Node, src []byte, date string) []Phrase {
	var out []Phrase
	var cur Phrase
	var buf strings.Builder
	flush := func() {
		if s := buf.String(); strings.TrimSpace(s) != "" {
			cur.Text = r.gloss.text(s, date)
			out = append(out, cur)
		}
		buf.Reset()
	}
	write := func(style Phrase, s []byte) {
		if style.Strong != cur.Strong || style.Em != cur.Em || style.Code != cur.Code || style.Link != cur.Link {
			flush()
			cur = style
		}
		buf.Write(s)
	}
	var walk func(n ast.Node, style Phrase)
	walk = func(n ast.Node, style Phrase) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				write(style, util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(c.Segment.Value(src)))))
				if c.SoftLineBreak() || c.HardLineBreak() {
					write(style, []byte("\n"))
				}
			case *ast.String:
				write(style, c.Value)
			case *ast.CodeSpan:
				code := style
				code.Code = true
				walk(c, code)
			case *ast.Emphasis:
				em := style
				if c.Level >= 2 {
					em.Strong = true
				} else {
					em.Em = true
				}
				walk(c, em)
			case *ast.Link:
				l := style
				l.Link = string(c.Destination)
				walk(c, l)
			case *ast.AutoLink:
				l := style
				l.Link = string(c.URL(src))
				write(l, c.Label(src))
			case *ast.RawHTML:
				// left out
			case *ast.List:
				write(style, []byte("\n"))
				walk(c, style)
			default:
				if c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock {
					if c.PreviousSibling() != nil {
						write(style, []byte("\n"))
					}
				}
				if c.Type() == ast.TypeBlock && c.IsRaw() {
					lines := c.Lines()
					for i := 0; i < lines.Len(); i++ {
						seg := lines.At(i)
						write(style, seg.Value(src))
					}
					continue
				}
				walk(c, style)
			}
		}
	}
	walk(n, Phrase{})
	flush()
	return out
}
