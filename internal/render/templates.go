package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// Templates is the parsed template set: the built-in templates/ folder, each
// file replaced by a site's own file of the same name.
type Templates struct {
	pages  map[string]*template.Template // page template file → set
	common *template.Template            // base.html and partials.html alone
	assets map[string][]byte             // non-template files (style.css, js)
	source map[string]string             // template file → where it came from
	hash   uint64                        // of every file's name and bytes
}

// commonFiles hold the layout and partials every page template may use.
var commonFiles = []string{"base.html", "partials.html"}

// LoadTemplates reads the built-in templates and a site's overrides from
// siteFS's templates/ folder (siteFS may be nil).
func LoadTemplates(siteFS fs.FS) (*Templates, error) {
	files := map[string][]byte{}
	source := map[string]string{}
	read := func(fsys fs.FS, origin string) error {
		entries, err := fs.ReadDir(fsys, "templates")
		if err != nil {
			return nil // no templates/ folder: nothing to override
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			b, err := fs.ReadFile(fsys, "templates/"+e.Name())
			if err != nil {
				return diag.Errorf(origin+e.Name(), 0, "cannot read: %v", err)
			}
			files[e.Name()] = b
			source[e.Name()] = origin + e.Name()
		}
		return nil
	}
	if err := read(inspectsite.Templates, "(built-in) templates/"); err != nil {
		return nil, err
	}
	if siteFS != nil {
		if err := read(siteFS, "templates/"); err != nil {
			return nil, err
		}
	}
	t := &Templates{pages: map[string]*template.Template{}, assets: map[string][]byte{}, source: source}
	fp := newHasher(nil)
	common := template.New("").Funcs(funcs)
	for _, name := range commonFiles {
		if _, err := common.New(name).Parse(string(files[name])); err != nil {
			return nil, t.parseError(name, err)
		}
	}
	t.common = common
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fp.str(name)
		fp.str(string(files[name]))
	}
	t.hash = fp.sum64()
	fp.free()
	for _, name := range names {
		if path.Ext(name) != ".html" {
			t.assets[name] = files[name]
			continue
		}
		if isCommon(name) {
			continue
		}
		set, err := common.Clone()
		if err == nil {
			_, err = set.New(name).Parse(string(files[name]))
		}
		if err != nil {
			return nil, t.parseError(name, err)
		}
		t.pages[name] = set
	}
	return t, nil
}

func isCommon(name string) bool {
	for _, c := range commonFiles {
		if c == name {
			return true
		}
	}
	return false
}

// templateLine finds "name:LINE" in an html/template error.
var templateLine = regexp.MustCompile(`template:\s*([^:\s]+):(\d+):(?:\d+:)?\s*(.*)`)

func (t *Templates) parseError(name string, err error) error {
	file, line, msg := t.locate(name, err)
	return diag.Errorf(file, line, "template: %s", msg)
}

// locate maps an html/template error to the template file and line.
func (t *Templates) locate(name string, err error) (file string, line int, msg string) {
	msg = err.Error()
	file = t.source[name]
	if m := templateLine.FindStringSubmatch(msg); m != nil {
		if src, ok := t.source[m[1]]; ok {
			file = src
		}
		line, _ = strconv.Atoi(m[2])
		msg = m[3]
	}
	if file == "" {
		file = "templates/" + name
	}
	return file, line, msg
}

// execute renders one page's data with its template, appending to buf
// (which may be nil), grown to size first. url names the page in errors.
func (t *Templates) execute(name, url string, data any, buf []byte, size int) ([]byte, error) {
	set := t.pages[name]
	if set == nil {
		return nil, diag.Errorf("templates/"+name, 0, "template missing (needed for %s)", url)
	}
	b := bytes.NewBuffer(buf)
	b.Grow(size)
	if err := set.ExecuteTemplate(b, "base", data); err != nil {
		var d diag.Diagnostic
		if errors.As(err, &d) {
			return nil, d // about a document, not the template
		}
		file, line, msg := t.locate(name, err)
		return nil, diag.Errorf(file, line, "rendering %s: %s", url, msg)
	}
	return b.Bytes(), nil
}

// asset returns a non-template file from templates/ (style.css, search.js).
func (t *Templates) asset(name string) ([]byte, error) {
	b, ok := t.assets[name]
	if !ok {
		return nil, fmt.Errorf("templates/%s missing", name)
	}
	return b, nil
}
