package build

import "inspectsite/internal/render"

// Check loads and models the site, renders it in memory and checks every
// internal link and fragment, writing nothing.
func Check(opts Options) (*Result, error) {
	res, err := Load(opts)
	if err != nil {
		return res, err
	}
	files := map[string][]byte{}
	theme, err := render.LoadTemplates(nil)
	if err != nil {
		return res, err
	}
	_, err = render.Site(res.Site, theme, func(p string, b []byte) error { files[p] = b; return nil })
	if err != nil {
		res.Diags = append(res.Diags, asDiags(err)...)
		res.Errors++
		return res, &FatalError{res}
	}
	return res, nil
}
