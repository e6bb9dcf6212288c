package site

import "github.com/inspectsite/inspectsite/internal/config"

// RatingHistory is an Area's ratings over time: every criterion against
// every inspection that states a rating, whatever its programme, oldest
// first. Unrated inspections in between do not break the line, so a
// Good → Excellent → Poor history is said even when unrated reports sit
// between them.
type RatingHistory struct {
	Inspections []*Inspection
	// Criteria are those rated at least once, in site.toml order.
	Criteria []CriterionHistory
}

// CriterionHistory is one criterion's ratings in an Area's rated
// inspections.
type CriterionHistory struct {
	Criterion config.Criterion
	// Ratings holds one rating word per RatingHistory.Inspections entry,
	// "" where that inspection did not rate the criterion.
	Ratings []string
	// Points are the ratings given, oldest first.
	Points []RatingPoint
	// Steps compare each rating given with the one before it.
	Steps []RatingStep
	// Overall compares the latest rating with the first when there are
	// three or more; with two, Steps[0] says it.
	Overall *RatingStep
	// Best is the first time the best rating in the history was given,
	// when the latest rating is worse than it.
	Best *RatingPoint
}

// RatingPoint is one rating of one criterion in one inspection.
type RatingPoint struct {
	Inspection *Inspection
	Rating     string
	// Rank is the rating's place in site.toml's ratings, 0 the best.
	Rank int
}

// RatingStep compares two ratings of the same criterion.
type RatingStep struct {
	From, To RatingPoint
	Change   Movement
}

// Movement is how a rating moved.
type Movement int

const (
	Unchanged Movement = iota
	Better
	Worse
)

// String is the change in words: "unchanged", "better" or "worse".
func (c Movement) String() string {
	switch c {
	case Better:
		return "better"
	case Worse:
		return "worse"
	}
	return "unchanged"
}

// Compare says how the rating moved from one point to another.
func Compare(from, to RatingPoint) Movement { return step(from, to).Change }

func step(from, to RatingPoint) RatingStep {
	st := RatingStep{From: from, To: to}
	switch {
	case to.Rank < from.Rank:
		st.Change = Better
	case to.Rank > from.Rank:
		st.Change = Worse
	}
	return st
}

// buildHistory fills every Area's rating history.
func (s *Site) buildHistory() {
	for _, a := range s.Areas {
		h := &a.History
		for _, in := range a.Inspections {
			if in.Rated() {
				h.Inspections = append(h.Inspections, in)
			}
		}
		for _, cr := range s.Config.Criteria {
			ch := CriterionHistory{Criterion: cr, Ratings: make([]string, len(h.Inspections))}
			for i, in := range h.Inspections {
				word, ok := in.Ratings[cr.Slug]
				rank := s.Config.RatingRank(word)
				if !ok || rank < 0 {
					continue
				}
				ch.Ratings[i] = word
				p := RatingPoint{Inspection: in, Rating: word, Rank: rank}
				if n := len(ch.Points); n > 0 {
					ch.Steps = append(ch.Steps, step(ch.Points[n-1], p))
				}
				ch.Points = append(ch.Points, p)
			}
			if len(ch.Points) == 0 {
				continue
			}
			first, last := ch.Points[0], ch.Points[len(ch.Points)-1]
			if len(ch.Points) >= 3 {
				o := step(first, last)
				ch.Overall = &o
			}
			best := first
			for _, p := range ch.Points {
				if p.Rank < best.Rank {
					best = p
				}
			}
			if best.Rank < last.Rank {
				ch.Best = &best
			}
			h.Criteria = append(h.Criteria, ch)
		}
	}
}
