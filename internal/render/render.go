// Package render turns the site model into the bytes of every output file:
// HTML pages from html/template, the stylesheet, feeds, sitemaps and the
// open data files. It hands each file to a write function and never touches
// the disk itself, so builds, the preview server and tests share it.
package render

import (
	"inspectsite/internal/opendata"
	"inspectsite/internal/site"
)

// WriteFunc receives one output file: a slash path inside the site
// ("reports/x/index.html") and its bytes. It may be called concurrently.
type WriteFunc func(path string, data []byte) error

// Site renders every file of s and returns how many it wrote.
func Site(s *site.Site, t *Templates, write WriteFunc) (int, error) {
	files := []struct {
		path string
		make func(*site.Site) ([]byte, error)
	}{
		{"data/reports.json", opendata.ReportsJSON},
		{"data/issues.csv", opendata.IssuesCSV},
		{"data/ratings.csv", opendata.RatingsCSV},
	}
	for i, f := range files {
		b, err := f.make(s)
		if err != nil {
			return i, err
		}
		if err := write(f.path, b); err != nil {
			return i, err
		}
	}
	return len(files), nil
}
