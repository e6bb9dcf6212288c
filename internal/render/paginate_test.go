package render

import (
	"fmt"
	"testing"
	"time"
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

// The dates pages show read as time.Format writes them, for every day of
// the years the documents cover, and bad dates are left alone.
func TestDatesAsTimeFormats(t *testing.T) {
	for d := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2031; d = d.AddDate(0, 0, 1) {
		iso := d.Format("2006-01-02")
		if got, want := displayDate(iso), d.Format("2 January 2006"); got != want {
			t.Fatalf("displayDate(%q) = %q, want %q", iso, got, want)
		}
		if got, want := monthYear(iso), d.Format("January 2006"); got != want {
			t.Fatalf("monthYear(%q) = %q, want %q", iso, got, want)
		}
	}
	for _, bad := range []string{"2018-02-30", "2018-13-01", "2018-00-10", "18-04-05", "2018/04/05", "2018-4-5x", "abcd-ef-gh"} {
		if got := displayDate(bad); got != bad {
			t.Errorf("displayDate(%q) = %q, want it unchanged", bad, got)
		}
		if got := monthYear(bad); got != "date not stated" {
			t.Errorf("monthYear(%q) = %q", bad, got)
		}
	}
}
