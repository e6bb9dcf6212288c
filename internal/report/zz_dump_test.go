package report

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	p := fuzzParser(t)
	data, _ := os.ReadFile(f)
	r, ds := p.Parse("content/x.txt", data)
	d := &docState{p: p, r: &Report{}}
	d.lines = dropBoilerplate(splitLines(string(data), 1))
	for _, q := range segment(d.lines) {
		fmt.Printf("[%d] %.100q\n", q.first(), q.text())
	}
	fmt.Printf("title=%q area=%q date=%q prog=%q kind=%q ratings=%v\n", r.Title, r.Area, r.Date, r.Programme, r.Kind, r.Ratings)
	for _, is := range r.Issues {
		fmt.Printf("issue %d %.60q resp %.50q themes %v\n", is.Number, is.Text, is.Response, is.ThemeTerms)
	}
	fmt.Println(ds)
}
