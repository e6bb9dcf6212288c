package report

import (
	"strings"
)

// readArea finds the Area in the title, else as "CPS <Area>" in the opening
// paragraphs. A document that names none is about no single Area.
func (d *docState) readArea(intro []paragraph) {
	r := d.r
	if h, ok := d.p.areas.first(r.Title); ok {
		d.setArea(h.owner, r.Lines.Title)
		return
	}
	for i, p := range intro {
		if i >= 3 {
			break
		}
		for _, l := range p.lines {
			for _, h := range d.p.areas.findAll(l.text) {
				if strings.HasSuffix(strings.ToLower(strings.TrimSpace(l.text[:h.start])), "cps") {
					d.setArea(h.owner, l.n)
					return
				}
			}
		}
	}
}

func (d *docState) setArea(i, line int) {
	a := d.p.cfg.Areas[i]
	d.r.Area, d.r.AreaSlug, d.r.Lines.Area = a.Name, a.Slug, line
}
