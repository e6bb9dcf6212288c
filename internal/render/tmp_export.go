package render

import (
	"time"

	"inspectsite/internal/site"
)

type TT struct {
	N     int
	D     time.Duration
	Bytes int
}

func TimeTemplates(s *site.Site, t *Templates) map[string]TT {
	r := newRun(s, t, func(string, []byte) error { return nil })
	r.assets()
	out := map[string]TT{}
	scratch := &markup{}
	for _, p := range r.pages {
		t0 := time.Now()
		q := *p
		q.scratch = scratch
		r.fill(&q, nil)
		b, _ := r.t.execute(&q, nil, 16<<10)
		x := out[p.Template]
		x.N++
		x.D += time.Since(t0)
		x.Bytes += len(b)
		out[p.Template] = x
	}
	return out
}
