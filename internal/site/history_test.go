package site_test

import (
	"testing"

	"github.com/inspectsite/inspectsite/internal/site"
)

func TestRatingHistoryAcrossUnratedReports(t *testing.T) {
	a := doc("Wessex", "2016-05-01", "AAP")
	a.Ratings = map[string]string{"casework-quality": "Good", "public-confidence": "Fair"}
	unrated := doc("Wessex", "2019-05-01", "AIP-baseline", []string{"disclosure"})
	b := doc("Wessex", "2020-05-01", "AAP")
	b.Ratings = map[string]string{"casework-quality": "Excellent"}
	c := doc("Wessex", "2023-05-01", "AAP")
	c.Ratings = map[string]string{"casework-quality": "Poor", "public-confidence": "Fair"}
	s := build(t, a, unrated, b, c)
	h := s.Area("wessex").History
	if len(h.Inspections) != 3 {
		t.Fatalf("%d rated inspections, want 3 (the unrated one left out)", len(h.Inspections))
	}
	if len(h.Criteria) != 2 || h.Criteria[0].Criterion.Slug != "casework-quality" || h.Criteria[1].Criterion.Slug != "public-confidence" {
		t.Fatalf("criteria %+v", h.Criteria)
	}
	cw := h.Criteria[0]
	if len(cw.Steps) != 2 || cw.Steps[0].Change != site.Better || cw.Steps[1].Change != site.Worse {
		t.Errorf("Good → Excellent → Poor steps: %+v", cw.Steps)
	}
	if cw.Overall == nil || cw.Overall.Change != site.Worse || cw.Overall.From.Rating != "Good" || cw.Overall.To.Rating != "Poor" {
		t.Errorf("overall: %+v, want Good → Poor, worse", cw.Overall)
	}
	if cw.Best == nil || cw.Best.Rating != "Excellent" || cw.Best.Inspection.Date != "2020-05-01" {
		t.Errorf("best: %+v", cw.Best)
	}
	pc := h.Criteria[1]
	// Not rated in 2020: the grid says so, and 2016 is compared with 2023.
	if pc.Ratings[1] != "" || len(pc.Steps) != 1 || pc.Steps[0].Change != site.Unchanged || pc.Overall != nil || pc.Best != nil {
		t.Errorf("public confidence: ratings %q, steps %+v", pc.Ratings, pc.Steps)
	}
	if site.Better.String() != "better" || site.Worse.String() != "worse" || site.Unchanged.String() != "unchanged" {
		t.Error("movements in words")
	}
}
