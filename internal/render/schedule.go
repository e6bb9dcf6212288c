package render

import (
	"cmp"
	"slices"
	"sync/atomic"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// schedule is the order in which a run renders its pages, and when each
// report's issue fragments (Issue.Cached) may be let go.
//
// An issue's response and commitments are shown on its report page and
// again on each of its themes' pages. Rendered once and reused, they would
// all be held until the last theme page, some 140 MB at 10,000 documents,
// which makes the collector work harder than the reuse saves. Theme pages
// list issues Area by Area in the same order as the site lists its Areas
// (site.Site.Areas, then national reports), so the schedule renders one
// Area's report pages, then every theme page whose last group is that
// Area, then the next Area: a report's fragments are released once its
// own page and every theme page showing it are done, and only the Areas
// in progress hold theirs.
//
// The order changes nothing a page shows: each page's bytes depend only on
// the page. The page list keeps its own order, which the sitemap follows.
type schedule struct {
	order []*pageSpec
	uses  map[*pageSpec][]*report.Report // the reports whose fragments a page may show
	left  map[*report.Report]*atomic.Int32
}

func newSchedule(s *site.Site, ps []*pageSpec) *schedule {
	area := map[*report.Report]int{}
	for i, a := range s.Areas {
		for _, r := range a.Reports {
			area[r] = i
		}
	}
	for _, r := range s.National {
		area[r] = len(s.Areas)
	}
	sc := &schedule{uses: map[*pageSpec][]*report.Report{}, left: map[*report.Report]*atomic.Int32{}}
	use := func(p *pageSpec, r *report.Report) {
		sc.uses[p] = append(sc.uses[p], r)
		n := sc.left[r]
		if n == nil {
			n = new(atomic.Int32)
			sc.left[r] = n
		}
		n.Add(1)
	}
	// wave orders the pages: pages that show no issue first (-1), then
	// Area by Area its reports and Area pages (2k), then the theme pages
	// ending with it (2k+1).
	wave := make(map[*pageSpec]int, len(ps))
	for _, p := range ps {
		w := -1
		switch d := p.Data.(type) {
		case reportData:
			w = 2 * area[d.R]
			use(p, d.R)
		case sourceData:
			w = 2 * area[d.R]
		case areaData:
			if i := slices.Index(s.Areas, d.A); i >= 0 {
				w = 2 * i
			}
		case themeData:
			last := 0
			for _, g := range d.Groups {
				for _, it := range g.Items {
					last = max(last, area[it.Report])
					if us := sc.uses[p]; len(us) == 0 || us[len(us)-1] != it.Report {
						use(p, it.Report)
					}
				}
			}
			w = 2*last + 1
		}
		wave[p] = w
	}
	sc.order = slices.Clone(ps)
	slices.SortStableFunc(sc.order, func(a, b *pageSpec) int { return cmp.Compare(wave[a], wave[b]) })
	return sc
}

// done is called once a page is rendered, kept or failed: it releases the
// fragments of the reports no page still to come shows.
func (sc *schedule) done(p *pageSpec, v *views) {
	if sc == nil {
		return
	}
	for _, r := range sc.uses[p] {
		if sc.left[r].Add(-1) == 0 {
			v.release(r)
		}
	}
}

// released says whether every page showing r's fragments is done: a view
// of r made after that keeps none.
func (sc *schedule) released(r *report.Report) bool {
	if sc == nil {
		return false
	}
	n := sc.left[r]
	return n == nil || n.Load() <= 0
}
