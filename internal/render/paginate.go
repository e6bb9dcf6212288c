package render

import "strconv"

// pager describes one page of a list split over several pages.
type pager struct {
	Page, Total int
	Base        string // URL of page 1, "/reports/"
}

// URLOf is the URL of page n: page 1 is the base, then base + "page/n/".
func (pg *pager) URLOf(n int) string {
	if n <= 1 {
		return pg.Base
	}
	return pg.Base + "page/" + strconv.Itoa(n) + "/"
}

// Prev and Next are 0 when there is no such page.
func (pg *pager) Prev() int {
	if pg.Page > 1 {
		return pg.Page - 1
	}
	return 0
}

func (pg *pager) Next() int {
	if pg.Page < pg.Total {
		return pg.Page + 1
	}
	return 0
}

// Pages lists the page numbers to link, as GOV.UK's pagination does: the
// first, the last, and the current page with its neighbours; 0 stands for
// a run of pages left out. A list of 200 pages is 7 links, not 200.
func (pg *pager) Pages() []int {
	var out []int
	for n := 1; n <= pg.Total; n++ {
		near := n == 1 || n == pg.Total || n >= pg.Page-1 && n <= pg.Page+1
		// A gap of a single page shows that page rather than an ellipsis.
		if !near && (n == 2 && pg.Page == 4 || n == pg.Total-1 && pg.Page == pg.Total-3) {
			near = true
		}
		switch {
		case near:
			out = append(out, n)
		case len(out) > 0 && out[len(out)-1] != 0:
			out = append(out, 0)
		}
	}
	return out
}

// pagePath turns a site path "/a/b/" into the file "a/b/index.html".
func pagePath(url string) string {
	if url == "/" {
		return "index.html"
	}
	return url[1:] + "index.html"
}

// pageCount is how many pages n items need at size per page (at least 1).
func pageCount(n, size int) int {
	if n <= size {
		return 1
	}
	return (n + size - 1) / size
}

// group is a titled run of items on one page of a grouped list: an Area's
// issues on a theme page, a theme's issues on an Area page.
type group[T any] struct {
	Key       string // slug, unique in the list
	Title     string
	Continued bool // the group began on an earlier page
	Items     []T
}

// paginateGroups splits groups into pages of at most size items, keeping
// the group order; a group that does not fit continues on the next page.
// It also reports the page on which each group starts.
func paginateGroups[T any](groups []group[T], size int) (pages [][]group[T], startPage map[string]int) {
	startPage = map[string]int{}
	var cur []group[T]
	room := size
	for _, g := range groups {
		items := g.Items
		continued := false
		for len(items) > 0 || (!continued && len(g.Items) == 0) {
			if room == 0 {
				pages = append(pages, cur)
				cur, room = nil, size
			}
			n := min(room, len(items))
			if !continued {
				startPage[g.Key] = len(pages) + 1
			}
			cur = append(cur, group[T]{Key: g.Key, Title: g.Title, Continued: continued, Items: items[:n]})
			items = items[n:]
			room -= n
			continued = true
			if len(g.Items) == 0 {
				break
			}
		}
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages, startPage
}
