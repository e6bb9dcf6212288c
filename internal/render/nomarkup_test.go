package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// elementNames are the HTML and SVG elements (the WHATWG and SVG 1.1 lists).
const elementNames = `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code
col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6
head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol
optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strong
style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
svg g path rect circle ellipse line polyline polygon text tspan defs pattern use symbol marker clippath mask lineargradient
radialgradient stop filter foreignobject image desc`

// tagPattern matches a start or end tag of a known element, "<p>",
// "<abbr title=", "</li>", "<rect/>", "<!DOCTYPE".
var tagPattern = func() *regexp.Regexp {
	names := strings.Fields(elementNames)
	return regexp.MustCompile(`(?i)<(?:!doctype|/?(?:` + strings.Join(names, "|") + `)(?:[\s/>]|$))`)
}()

// Markup lives only in templates: no Go file under internal/ or cmd/, other
// than tests, holds an HTML or SVG tag in a string literal.
func TestNoMarkupInGoStrings(t *testing.T) {
	if !tagPattern.MatchString(`x <abbr title="y">`) || !tagPattern.MatchString("</li>") || tagPattern.MatchString("a <number> of") {
		t.Fatal("the tag pattern is wrong")
	}
	fset := token.NewFileSet()
	checked := 0
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					s = lit.Value
				}
				if m := tagPattern.FindString(s); m != "" {
					t.Errorf("%s: markup %q in a string: it belongs in a template", fset.Position(lit.Pos()), m)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 50 {
		t.Fatalf("only %d Go files checked", checked)
	}
}
