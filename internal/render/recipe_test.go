package render

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// withNote is page data a site's own code could give a template: fields
// promoted from an unexported embedded struct are as visible to templates
// (and to json) as the page's own.
type withNote struct {
	Frame
	note
}

type note struct{ Note string }

// Two pages with the same recipe have the same bytes: that is what lets a
// build keep the previous site's file for a page whose recipe it has.
// The json function shows a nil list as null and an empty one as [], and
// a template shows a field promoted from an unexported embedded struct;
// the recipe told neither apart, so a site's template using them could
// keep a page showing [] where a fresh build shows null, or the old note.
func TestPagesOfOneRecipeRenderAlike(t *testing.T) {
	tmpl, err := LoadTemplates(fstest.MapFS{
		"templates/404.html": {Data: []byte(`{{define "content"}}<pre>{{json .Crumbs}} {{json .Abbreviations}} {{with .Note}}{{.}}{{end}}</pre>{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]any{
		"nil lists":    &withNote{},
		"empty lists":  &withNote{Frame: Frame{Crumbs: []Link{}, Abbreviations: []*Abbreviation{}}},
		"a note":       &withNote{note: note{"kept"}},
		"another note": &withNote{note: note{"changed"}},
	}
	seen := map[Recipe]string{}
	out := map[Recipe][]byte{}
	for name, data := range pages {
		b, err := tmpl.execute("404.html", "/404.html", data, nil, 0)
		if err != nil {
			t.Fatal(name, err)
		}
		r := (&hashMemo{}).page(1, "404.html", data)
		if prev, ok := out[r]; ok && !bytes.Equal(prev, b) {
			t.Errorf("%s and %s have one recipe but render differently", seen[r], name)
		}
		seen[r], out[r] = name, b
	}
}
