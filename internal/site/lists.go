package site

import (
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
)

// ReportList is the reports list narrowed to one programme or one year,
// newest first: /reports/programme/<slug>/ and /reports/year/<slug>/.
type ReportList struct {
	Slug  string
	Title string
	// Programme is set for a programme's list.
	Programme config.Programme
	Reports   []*report.Report
}

// buildLists narrows s.Newest by programme (in programmeOrder) and by
// year (newest first). Undated reports are in no year's list.
func (s *Site) buildLists() {
	byProg := map[string]*ReportList{}
	for _, p := range s.programmeOrder() {
		l := &ReportList{Slug: strings.ToLower(p.ID), Title: p.Title, Programme: p}
		byProg[p.ID] = l
		s.ProgrammeLists = append(s.ProgrammeLists, l)
	}
	byYear := map[string]*ReportList{}
	for _, r := range s.Newest {
		id := r.Programme
		if byProg[id] == nil {
			id = UnknownProgramme.ID
		}
		byProg[id].Reports = append(byProg[id].Reports, r)
		if len(r.Date) < 4 {
			continue
		}
		year := r.Date[:4]
		if byYear[year] == nil {
			byYear[year] = &ReportList{Slug: year, Title: year}
			s.YearLists = append(s.YearLists, byYear[year]) // s.Newest is newest first
		}
		byYear[year].Reports = append(byYear[year].Reports, r)
	}
	kept := s.ProgrammeLists[:0]
	for _, l := range s.ProgrammeLists {
		if len(l.Reports) > 0 {
			kept = append(kept, l)
		}
	}
	s.ProgrammeLists = kept
}
