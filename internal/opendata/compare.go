package opendata

import (
	"io"
	"strconv"
	"strings"

	"github.com/inspectsite/inspectsite/internal/site"
)

// The comparison tables as CSV, one file per table, each row saying which
// programme and view it counts. Counts of Areas always come with the
// number of Areas they are out of.

// CompareFiles are the comparison tables' file names and writers.
var CompareFiles = []struct {
	Name  string
	Write func(io.Writer, *site.Site) error
}{
	{"data/compare-themes.csv", WriteCompareThemesCSV},
	{"data/compare-areas.csv", WriteCompareAreasCSV},
	{"data/compare-ratings.csv", WriteCompareRatingsCSV},
	{"data/compare-history.csv", WriteCompareHistoryCSV},
	{"data/compare-again.csv", WriteCompareAgainCSV},
}

// WriteCompareThemesCSV writes data/compare-themes.csv: per programme,
// view and theme, in how many of the Areas with a report it was raised.
// most_areas is "yes" for the one theme raised in the most Areas and
// "tied" for each of several that share the most.
func WriteCompareThemesCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"programme", "view", "theme", "areas_raising", "areas_with_report", "issues", "inspections_raising",
		"inspections_counted", "areas_with_no_numbered_issues", "of_those_narrative_discusses_it", "most_areas"})
	for _, c := range s.Comparisons {
		for _, t := range c.Themes {
			most := ""
			for _, lt := range c.Lead.Themes {
				if lt == t.Theme {
					most = "yes"
					if c.Lead.Tied() {
						most = "tied"
					}
				}
			}
			cw.Write([]string{c.Programme.ID, c.View.Slug(), t.Theme.Slug, itoa(t.Areas), itoa(c.WithReport), itoa(t.Issues),
				itoa(t.Inspections), itoa(c.Inspections), itoa(c.UnnumberedAreas), itoa(t.NarrativeAreas), most})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCompareAreasCSV writes data/compare-areas.csv: per programme, view
// and Area, the inspections counted, their numbered issues by theme
// ("issues:<theme>") and the latest counted inspection's ratings
// ("rating:<criterion>"). An Area with no report in the programme has
// has_report false and empty counts; one whose counted inspections list
// no numbered issues has no_numbered_issues true, never a count of zero
// problems.
func WriteCompareAreasCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	head := []string{"programme", "view", "area", "area_slug", "has_report", "inspections", "report_ids", "numbered_issues", "no_numbered_issues", "narrative_themes"}
	for _, t := range s.Themes {
		head = append(head, "issues:"+t.Slug)
	}
	for _, c := range s.Config.Criteria {
		head = append(head, "rating:"+c.Slug)
	}
	cw.Write(head)
	for _, c := range s.Comparisons {
		for _, row := range c.Rows {
			rec := []string{c.Programme.ID, c.View.Slug(), row.Area.Name, row.Area.Slug, strconv.FormatBool(row.HasReport())}
			if !row.HasReport() {
				rec = append(rec, "0", "", "", "", "")
				for range s.Themes {
					rec = append(rec, "")
				}
				for range s.Config.Criteria {
					rec = append(rec, "")
				}
				cw.Write(rec)
				continue
			}
			var ids []string
			for _, in := range row.Inspections {
				ids = append(ids, reportIDs(in)...)
			}
			var narrative []string
			for _, t := range row.NarrativeThemes {
				narrative = append(narrative, t.Slug)
			}
			rec = append(rec, itoa(len(row.Inspections)), strings.Join(ids, ";"), itoa(row.Issues), strconv.FormatBool(row.Unnumbered), strings.Join(narrative, ";"))
			for _, n := range row.Counts {
				if row.Unnumbered {
					rec = append(rec, "") // no numbered issues to count
				} else {
					rec = append(rec, itoa(n))
				}
			}
			for _, cr := range s.Config.Criteria {
				rec = append(rec, row.Ratings[cr.Slug])
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCompareRatingsCSV writes data/compare-ratings.csv: per programme,
// view, criterion and rating word, how many were given it, out of how
// many rated. counted_in says what is counted: Areas (latest view) or
// inspections (all view).
func WriteCompareRatingsCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"programme", "view", "criterion", "rating", "count", "rated_on_criterion", "counted_in"})
	for _, c := range s.Comparisons {
		if c.Rated == 0 {
			continue
		}
		unit := "areas"
		if c.View == site.AllView {
			unit = "inspections"
		}
		for _, rt := range c.Ratings {
			for i, word := range s.Config.Ratings {
				cw.Write([]string{c.Programme.ID, c.View.Slug(), rt.Criterion.Slug, word, itoa(rt.Counts[i]), itoa(rt.Rated), unit})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCompareHistoryCSV writes data/compare-history.csv: every Area's
// ratings over time, one row per criterion and rated inspection, with the
// change from the rating before it and from the first.
func WriteCompareHistoryCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"area", "area_slug", "criterion", "date", "programme", "report_ids", "rating", "change_from_previous", "change_from_first"})
	for _, a := range s.Areas {
		for _, ch := range a.History.Criteria {
			for i, p := range ch.Points {
				prev, first := "", ""
				if i > 0 {
					prev = ch.Steps[i-1].Change.String()
					first = site.Compare(ch.Points[0], p).String()
				}
				in := p.Inspection
				cw.Write([]string{a.Name, a.Slug, ch.Criterion.Slug, in.Date, in.Programme, strings.Join(reportIDs(in), ";"), p.Rating, prev, first})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCompareAgainCSV writes data/compare-again.csv: per view, each
// theme an Area's inspection raised again after the inspection before it,
// one row per pair of inspections.
func WriteCompareAgainCSV(w io.Writer, s *site.Site) error {
	cw := newCSV(w)
	cw.Write([]string{"view", "theme", "areas_raising_again", "areas_with_two_or_more_inspections", "area_slug",
		"earlier_date", "earlier_programme", "earlier_report_ids", "later_date", "later_programme", "later_report_ids"})
	for _, ra := range s.RaisedAgain {
		for _, rep := range ra.Themes {
			for _, p := range rep.Pairs {
				cw.Write([]string{ra.View.Slug(), rep.Theme.Slug, itoa(rep.Areas), itoa(ra.Eligible), p.Later.Area.Slug,
					p.Earlier.Date, p.Earlier.Programme, strings.Join(reportIDs(p.Earlier), ";"),
					p.Later.Date, p.Later.Programme, strings.Join(reportIDs(p.Later), ";")})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func reportIDs(in *site.Inspection) []string {
	ids := make([]string, len(in.Reports))
	for i, r := range in.Reports {
		ids[i] = r.ID
	}
	return ids
}

func itoa(n int) string { return strconv.Itoa(n) }
