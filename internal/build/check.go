package build

import (
	"os"
	"sync"

	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/linkcheck"
	"github.com/inspectsite/inspectsite/internal/render"
)

// Check loads and models the site, renders it in memory and checks every
// internal link and fragment, writing nothing.
func Check(opts Options) (*Result, error) {
	res, err := Load(opts)
	if err != nil {
		return res, err
	}
	files, err := RenderMemory(res, opts)
	if err != nil {
		return res, err
	}
	for _, p := range linkcheck.Check(files, res.Site.Config.BasePath()) {
		res.Diags = append(res.Diags, diag.Errorf("public/"+p.Page, 0, "link %q does not resolve: %s", p.Link, p.Why))
		res.Errors++
	}
	return res, nil
}

// RenderMemory renders a loaded site into a map of files.
func RenderMemory(res *Result, opts Options) (map[string][]byte, error) {
	theme, err := render.LoadTemplates(os.DirFS(opts.Source))
	if err != nil {
		res.Diags = append(res.Diags, asDiags(err)...)
		res.Errors++
		return nil, &FatalError{res}
	}
	files := map[string][]byte{}
	var mu sync.Mutex
	_, err = render.Site(res.Site, theme, func(p string, b []byte) error {
		mu.Lock()
		files[p] = b
		mu.Unlock()
		return nil
	})
	if err != nil {
		res.Diags = append(res.Diags, asDiags(err)...)
		res.Errors++
		return nil, &FatalError{res}
	}
	return files, nil
}
