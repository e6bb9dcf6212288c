package site_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

func TestListsByProgrammeAndYear(t *testing.T) {
	undated := doc("Wessex", "", "AIP-baseline")
	odd := doc("Wessex", "2019-01-01", "AIP-phase-3")
	s := build(t,
		doc("Wessex", "2016-05-01", "AAP"),
		doc("North East", "2018-05-01", "AAP"),
		doc("North East", "2022-05-01", "AIP-baseline"),
		undated, odd,
	)
	var progs []string
	for _, l := range s.ProgrammeLists {
		progs = append(progs, l.Slug+":"+strconv.Itoa(len(l.Reports)))
	}
	if got, want := strings.Join(progs, " "), "aap:2 aip-baseline:2 unknown:1"; got != want {
		t.Errorf("programme lists %s, want %s", got, want)
	}
	var years []string
	for _, l := range s.YearLists {
		years = append(years, l.Slug+":"+strconv.Itoa(len(l.Reports)))
	}
	if got, want := strings.Join(years, " "), "2022:1 2019:1 2018:1 2016:1"; got != want {
		t.Errorf("year lists %s, want %s (newest first, undated in none)", got, want)
	}
	if aap := s.ProgrammeLists[0].Reports; aap[0].Date != "2018-05-01" {
		t.Errorf("AAP list starts %s: newest first", aap[0].Date)
	}
}

func TestCombinedResponseIsOneGroup(t *testing.T) {
	r := &report.Report{Issues: []report.Issue{
		{Number: 1, Response: "both", ResponseCovers: []int{1, 3}},
		{Number: 3, Response: "both", ResponseCovers: []int{1, 3}},
		{Number: 2, Response: "two", ResponseCovers: []int{2}},
		{Number: 4, Response: "", ResponseCovers: []int{4}},
	}}
	gs := site.IssueGroups(r)
	if len(gs) != 3 || !gs[0].Combined() || gs[0].Response.Number != 3 || gs[1].Combined() || gs[2].Response.Number != 4 {
		t.Fatalf("groups %+v", gs)
	}
	if ns := gs[0].Numbers(); len(ns) != 2 || ns[0] != 1 || ns[1] != 3 {
		t.Errorf("combined group numbers %v", ns)
	}
	if !site.OutOfOrder(r) {
		t.Error("1, 3, 2 is out of order")
	}
	if site.OutOfOrder(&report.Report{Issues: r.Issues[2:]}) {
		t.Error("2, 4 is in order")
	}
}
