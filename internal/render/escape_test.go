package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostile are base URLs and configuration values that try to leave the
// place they are put in: an attribute, a line, a URL scheme.
var hostileBases = []string{
	`https://example.org/x%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E/`,
	`https://example.org/a%0AUser-agent:%20evil%0ADisallow:%20/`,
	`https://example.org/q"<b>/`,
	`javascript:alert(1)//`,
	`/%3Cscript%3Ealert(1)%3C/script%3E/`,
}

const hostileText = `Inspections "quoted" <img src=x onerror=alert(1)> %22 %0A` + "\nnext line"

// Every output format keeps hostile base URLs and configuration values
// what they are: text in HTML, in XML, in robots.txt, in JSON and in CSV.
func TestHostileBaseURLsAndValuesStayText(t *testing.T) {
	for _, base := range hostileBases {
		s := seedSite(t, base)
		s.Config.Title = hostileText
		s.Config.Description = hostileText
		s.Config.ContactLabel = hostileText
		s.Config.ContactURL = "javascript:alert(1)"
		for k := range s.Config.Glossary {
			s.Config.Glossary[k] = hostileText
		}
		files := renderAll(t, s, nil)
		for name, b := range files {
			switch {
			case strings.HasSuffix(name, ".html"):
				checkHTML(t, base, name, b)
			case strings.HasSuffix(name, ".xml"):
				checkXML(t, base, name, b)
			case strings.HasSuffix(name, ".json"):
				if !json.Valid(b) {
					t.Errorf("%s, %s: not valid JSON", base, name)
				}
			case strings.HasSuffix(name, ".csv"):
				if _, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
					t.Errorf("%s, %s: %v", base, name, err)
				}
			}
		}
		lines := strings.Split(strings.TrimSuffix(string(files["robots.txt"]), "\n"), "\n")
		if len(lines) != 4 || lines[0] != "User-agent: *" || !strings.HasPrefix(lines[3], "Sitemap: ") || strings.ContainsAny(lines[3][len("Sitemap: "):], " \"<>") {
			t.Errorf("%s: robots.txt is\n%s", base, files["robots.txt"])
		}
	}
}

// checkHTML parses a page: no element but those the templates write, no
// event-handler attribute, no javascript: URL, and the hostile text, where
// it shows, shows as itself.
func checkHTML(t *testing.T, base, name string, b []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Errorf("%s, %s: %v", base, name, z.Err())
			}
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "img", "b":
			t.Errorf("%s, %s: a <%s> element was injected", base, name, tok.Data)
		case "script":
			for _, a := range tok.Attr {
				if a.Key == "src" && !strings.Contains(a.Val, "/assets/search.") {
					t.Errorf("%s, %s: script from %q", base, name, a.Val)
				}
			}
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s, %s: attribute %s=%q on <%s>", base, name, a.Key, a.Val, tok.Data)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("%s, %s: %s=%q", base, name, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && strings.ContainsAny(a.Val, "\"<> \n") {
				t.Errorf("%s, %s: %s=%q is not percent-encoded", base, name, a.Key, a.Val)
			}
		}
		if tok.Data == "title" && z.Next() == html.TextToken && !strings.Contains(string(z.Text()), hostileText[:20]) {
			t.Errorf("%s, %s: the title lost its text: %q", base, name, z.Text())
		}
	}
}

// checkXML parses a feed or sitemap and checks every URL in it is encoded.
func checkXML(t *testing.T, base, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	inURL := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s, %s: %v", base, name, err)
			return
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inURL = x.Name.Local == "loc" || x.Name.Local == "id"
			for _, a := range x.Attr {
				if a.Name.Local == "href" && strings.ContainsAny(a.Value, "\"<> \n") {
					t.Errorf("%s, %s: href %q is not percent-encoded", base, name, a.Value)
				}
			}
			if x.Name.Local == "img" {
				t.Errorf("%s, %s: an <img> element was injected", base, name)
			}
		case xml.CharData:
			if inURL && strings.ContainsAny(string(x), "\"<> \n") {
				t.Errorf("%s, %s: URL %q is not percent-encoded", base, name, x)
			}
		case xml.EndElement:
			inURL = false
		}
	}
}
