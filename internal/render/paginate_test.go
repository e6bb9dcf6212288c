package render

import (
	"fmt"
	"testing"
)

func TestPagerLinksAWindowOfPages(t *testing.T) {
	cases := []struct {
		page, total int
		want        string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1 2 3]"},
		{1, 200, "[1 2 0 200]"},
		{4, 200, "[1 2 3 4 5 0 200]"}, // a gap of one page shows the page
		{5, 200, "[1 0 4 5 6 0 200]"},
		{100, 200, "[1 0 99 100 101 0 200]"},
		{197, 200, "[1 0 196 197 198 199 200]"},
		{200, 200, "[1 0 199 200]"},
		{3, 5, "[1 2 3 4 5]"},
	}
	for _, c := range cases {
		got := fmt.Sprint((&pager{Page: c.page, Total: c.total}).Pages())
		if got != c.want {
			t.Errorf("page %d of %d: links %s, want %s", c.page, c.total, got, c.want)
		}
	}
}
