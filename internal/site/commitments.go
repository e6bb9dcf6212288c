package site

import (
	"slices"
	"sort"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/report"
)

// Commitments arranges what every response promises: by Area, by owner
// role, by timeframe and by theme. Each response's commitments appear once,
// under the first issue it answers (a combined response answers several).
type Commitments struct {
	// All is every commitment, by Area (site order), report date, issue
	// and place in the response.
	All []CommitmentRef
	// AsOf is the date of the newest document in the site: a timeframe
	// that ended before it has passed. Never the build's clock, so that a
	// build gives the same bytes on any day. "" when no document is dated.
	AsOf string
	// Passed counts the commitments not stated as done whose timeframe
	// ended before AsOf.
	Passed int
	// ByOwner holds the roles that own any commitment, in site.toml order.
	ByOwner []OwnerCommitments
	// ByTimeframe groups All by when it is due (see TimeframeGroup).
	ByTimeframe []TimeframeGroup
	// ByArea holds the Areas with any commitment, in site order, then
	// national documents as an Area with no slug.
	ByArea []*AreaCommitments

	byArea  map[string]*AreaCommitments
	byTheme map[string][]CommitmentRef
}

// CommitmentRef is one commitment of one response.
type CommitmentRef struct {
	Report     *report.Report
	Issue      *report.Issue // the first issue the response answers
	Commitment *report.Commitment
	Area       *Area
	// Passed says the commitment is not stated as done and its timeframe
	// ended before the newest document's date.
	Passed bool
}

// OwnerCommitments is one role's commitments, in the order of All.
type OwnerCommitments struct {
	Role   config.Role
	Items  []CommitmentRef
	Passed int
}

// TimeframeGroup is the commitments due in one year, or those with a
// timeframe that cannot be dated, or those with none. Kind says which:
// "due" (Year is set), "undated" or "none"; groups come in that order,
// years ascending, and within a group by due date.
type TimeframeGroup struct {
	Kind  string
	Year  string
	Items []CommitmentRef
}

// AreaCommitments is one Area's commitments, by timeframe.
type AreaCommitments struct {
	Area        *Area
	Count       int
	Passed      int
	ByTimeframe []TimeframeGroup
}

// ForArea returns the Area's commitments, or nil when it has none.
func (c *Commitments) ForArea(areaSlug string) *AreaCommitments { return c.byArea[areaSlug] }

// ForTheme returns the commitments of responses to issues of the theme,
// in the order of All.
func (c *Commitments) ForTheme(slug string) []CommitmentRef { return c.byTheme[slug] }

// buildCommitments gathers the commitments of every report.
func (s *Site) buildCommitments() {
	c := &Commitments{byArea: map[string]*AreaCommitments{}, byTheme: map[string][]CommitmentRef{}}
	s.Commitments = c
	for _, r := range s.Reports {
		if r.Date > c.AsOf {
			c.AsOf = r.Date
		}
	}
	roleIndex := map[string]int{}
	for i, r := range s.Config.Roles {
		roleIndex[r.Slug] = i
	}
	// Every list is made at its size, counted first: at 10,000 documents
	// there are some 300,000 commitments, and growing the lists by
	// appending took most of the model's time (BenchmarkModel).
	areas := s.allAreaGroups()
	total, perTheme, perOwner := 0, map[string]int{}, make([]int, len(s.Config.Roles))
	eachResponse(areas, func(_ *Area, r *report.Report, is *report.Issue) {
		total += len(is.Commitments)
		for _, t := range responseThemes(r, is) {
			perTheme[t] += len(is.Commitments)
		}
		for k := range is.Commitments {
			for _, o := range is.Commitments[k].OwnerSlugs {
				if oi, ok := roleIndex[o]; ok {
					perOwner[oi]++
				}
			}
		}
	})
	c.All = make([]CommitmentRef, 0, total)
	for t, n := range perTheme {
		c.byTheme[t] = make([]CommitmentRef, 0, n)
	}
	owners := make([]OwnerCommitments, len(s.Config.Roles))
	for i, n := range perOwner {
		owners[i].Items = make([]CommitmentRef, 0, n)
	}
	var area *Area
	from := 0
	closeArea := func() {
		if area == nil || len(c.All) == from {
			return
		}
		refs := c.All[from:len(c.All):len(c.All)]
		ac := &AreaCommitments{Area: area, Count: len(refs), ByTimeframe: byTimeframe(refs)}
		for _, ref := range refs {
			if ref.Passed {
				ac.Passed++
			}
		}
		c.Passed += ac.Passed
		c.ByArea = append(c.ByArea, ac)
		c.byArea[area.Slug] = ac
	}
	eachResponse(areas, func(ar *Area, r *report.Report, is *report.Issue) {
		if ar != area {
			closeArea()
			area, from = ar, len(c.All)
		}
		themes := responseThemes(r, is)
		for k := range is.Commitments {
			cm := &is.Commitments[k]
			ref := CommitmentRef{Report: r, Issue: is, Commitment: cm, Area: ar,
				Passed: c.AsOf != "" && cm.Due != "" && cm.Due < c.AsOf && cm.Status != report.StatusDone}
			c.All = append(c.All, ref)
			for _, t := range themes {
				c.byTheme[t] = append(c.byTheme[t], ref)
			}
			for _, o := range cm.OwnerSlugs {
				if oi, ok := roleIndex[o]; ok {
					owners[oi].Items = append(owners[oi].Items, ref)
					if ref.Passed {
						owners[oi].Passed++
					}
				}
			}
		}
	})
	closeArea()
	for i, o := range owners {
		if len(o.Items) > 0 {
			o.Role = s.Config.Roles[i]
			c.ByOwner = append(c.ByOwner, o)
		}
	}
	c.ByTimeframe = byTimeframe(c.All)
}

// eachResponse calls f with each response that may make commitments, Area
// by Area: each issue that is the first (or only) one its response answers.
func eachResponse(areas []*Area, f func(ar *Area, r *report.Report, is *report.Issue)) {
	for _, ar := range areas {
		for _, r := range ar.Reports {
			for i := range r.Issues {
				is := &r.Issues[i]
				if len(is.ResponseCovers) > 0 && is.ResponseCovers[0] != is.Number {
					continue
				}
				f(ar, r, is)
			}
		}
	}
}

// responseThemes is the themes of every issue a response answers, in
// site.toml order as each issue lists them.
func responseThemes(r *report.Report, first *report.Issue) []string {
	var out []string
	for _, is := range r.Issues {
		if is.Number == first.Number || slices.Contains(first.ResponseCovers, is.Number) {
			for _, t := range is.Themes {
				if !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// byTimeframe groups refs by the year their timeframe ends, then those
// whose timeframe cannot be dated, then those with none.
func byTimeframe(refs []CommitmentRef) []TimeframeGroup {
	nd, nu := 0, 0
	for _, ref := range refs {
		switch {
		case ref.Commitment.Due != "":
			nd++
		case ref.Commitment.Timeframe != "":
			nu++
		}
	}
	dated := make([]CommitmentRef, 0, nd)
	undated := make([]CommitmentRef, 0, nu)
	none := make([]CommitmentRef, 0, len(refs)-nd-nu)
	for _, ref := range refs {
		switch {
		case ref.Commitment.Due != "":
			dated = append(dated, ref)
		case ref.Commitment.Timeframe != "":
			undated = append(undated, ref)
		default:
			none = append(none, ref)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].Commitment.Due < dated[j].Commitment.Due })
	// Each year's group is a run of the sorted list.
	var out []TimeframeGroup
	for i := 0; i < len(dated); {
		year := dated[i].Commitment.Due[:4]
		j := i + 1
		for j < len(dated) && dated[j].Commitment.Due[:4] == year {
			j++
		}
		out = append(out, TimeframeGroup{Kind: "due", Year: year, Items: dated[i:j:j]})
		i = j
	}
	if len(undated) > 0 {
		out = append(out, TimeframeGroup{Kind: "undated", Items: undated})
	}
	if len(none) > 0 {
		out = append(out, TimeframeGroup{Kind: "none", Items: none})
	}
	return out
}
