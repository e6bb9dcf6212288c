// Package report holds one inspection document as published: the reader that
// extracts its structure (title, Area, date, programme, kind, ratings,
// numbered issues and the CPS's responses) and the Report it produces.
//
// The reader parses by the structure these documents share, using the
// vocabulary in config.Config; it never guesses: what the text does not state
// is left empty. It must not know about other documents, pages or files on
// disk: callers hand it bytes and a path.
package report

import (
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strings"
)

// Report is one document, as reports.json describes it.
type Report struct {
	ID           string            `json:"id"`
	Source       string            `json:"source"`
	Title        string            `json:"title"`
	Area         string            `json:"area"`
	AreaSlug     string            `json:"area_slug"`
	Date         string            `json:"date"`
	Programme    string            `json:"programme"`
	Kind         string            `json:"kind"`
	Ratings      map[string]string `json:"ratings"`
	OtherRatings []OtherRating     `json:"other_ratings"`
	Issues       []Issue           `json:"issues"`
	URL          string            `json:"url"`
	// NarrativeThemes are the slugs of the themes the narrative discusses,
	// numbered issues or not: a summary that criticises police files is
	// about police file quality even when it lists no issue.
	// NarrativeThemeTerms says, for each, which terms found it and where.
	NarrativeThemes     []string       `json:"narrative_themes"`
	NarrativeThemeTerms NarrativeTerms `json:"narrative_theme_terms"`

	SourceURL string `json:"source_url"`
	// Narrative is the document's opening text: the words between the
	// title and the issues, web chrome and markup removed, as paragraphs.
	Narrative []Paragraph `json:"-"`
	// NarrativeMarkdown is the same opening text as the document's own
	// markdown, for a markdown document (.md, .markdown); "" otherwise.
	NarrativeMarkdown string `json:"-"`
	// Lines records where each extracted fact came from in the source file,
	// for provenance links and diagnostics. 0 means "not found in the text"
	// (for example a value given in front matter).
	Lines Lines `json:"-"`
	// Slug is the file name without extension, as a slug: the id fallback.
	Slug string `json:"-"`
	// StatedCount is a count of issues the text states ("three main
	// issues"), or -1 when it states none.
	StatedCount int `json:"-"`
	// Text is the document as read (decoded, line ends normalised), for
	// the line-numbered source view that provenance links point into.
	Text string `json:"-"`
	// Digest is the SHA-256 of the document's bytes as read. It is the
	// same in every process, so a page made from the text itself (the
	// source view) can take it in the text's place in its recipe, and a
	// text read again is checked against it (see TextBytes).
	Digest [sha256.Size]byte `json:"-"`
	// HiddenChars: Text holds characters the extracted fields leave out
	// (see Hidden), which the source view shows visibly.
	HiddenChars bool `json:"-"`
}

// Lines holds the source line of each extracted fact.
type Lines struct {
	Title, Area, Date, Programme, Kind int
	Ratings                            map[string]int
	Narrative                          int
	StatedCount                        int // where a count of issues is stated
}

// Paragraph is a paragraph of plain text, or a list when Items is set.
type Paragraph struct {
	Text  string
	Items []string
}

// NarrativeText is the narrative as one plain text, paragraphs and items
// on lines of their own.
func (r *Report) NarrativeText() string {
	var parts []string
	for _, p := range r.Narrative {
		if p.Items != nil {
			parts = append(parts, p.Items...)
		} else {
			parts = append(parts, p.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// OtherRating is a rating the text gives to something other than one of the
// configured criteria, such as "management of resources".
type OtherRating struct {
	Label  string `json:"label"`
	Rating string `json:"rating"`
	Line   int    `json:"-"`
}

// NarrativeTerms are, for each theme the narrative discusses, the terms
// that found it and the lines where the sentences (or list items) holding
// them begin, in the order of the themes. In
// JSON it is an object keyed by theme slug.
type NarrativeTerms []NarrativeTheme

// NarrativeTheme is one theme the narrative discusses.
type NarrativeTheme struct {
	Theme string   `json:"-"`
	Terms []string `json:"terms"`
	Lines []int    `json:"lines"`
}

// MarshalJSON writes {"slug": {"terms": [...], "lines": [...]}, ...} with
// the keys sorted, as encoding/json writes a map.
func (nt NarrativeTerms) MarshalJSON() ([]byte, error) {
	m := make(map[string]NarrativeTheme, len(nt))
	for _, t := range nt {
		m[t.Theme] = t
	}
	return json.Marshal(m)
}

// Issue is one numbered issue to address and the response to it.
type Issue struct {
	Number         int        `json:"number"`
	Text           string     `json:"text"`
	Response       string     `json:"response"`
	ResponseCovers []int      `json:"response_covers"`
	JointWith      []string   `json:"joint_with"`
	Themes         []string   `json:"themes"`
	ThemeTerms     ThemeTerms `json:"theme_terms"`
	// Commitments are what the response promises (see commitments.go).
	Commitments []Commitment `json:"commitments"`

	// Paragraphs of the response, for pages; Response is them joined.
	ResponseParagraphs []string `json:"-"`
	Line               int      `json:"-"` // where the issue starts
	ResponseLine       int      `json:"-"` // where its response label is; 0 if none
}

// ThemeTerms are, for each theme of an issue, the terms that matched it, in
// the order of the themes. A slice rather than a map: a site holds one per
// issue. In JSON it is an object keyed by theme slug.
type ThemeTerms []ThemeTerm

// ThemeTerm is the terms that gave an issue one theme.
type ThemeTerm struct {
	Theme string
	Terms []string
}

// Of is the terms that matched theme, or nil.
func (tt ThemeTerms) Of(theme string) []string {
	for _, t := range tt {
		if t.Theme == theme {
			return t.Terms
		}
	}
	return nil
}

// Sorted is a copy in the order of the themes' slugs, the order JSON
// objects are written in.
func (tt ThemeTerms) Sorted() ThemeTerms {
	sorted := slices.Clone(tt)
	slices.SortFunc(sorted, func(a, b ThemeTerm) int { return strings.Compare(a.Theme, b.Theme) })
	return sorted
}

// MarshalJSON writes {"slug": ["term", ...], ...} with the keys sorted, as
// encoding/json writes a map.
func (tt ThemeTerms) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, t := range tt.Sorted() {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(t.Theme)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(t.Terms)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// detach copies every string the report keeps out of the document's text,
// so that dropping Text frees the text: a substring keeps its whole
// backing string alive.
func (r *Report) detach() {
	c := strings.Clone
	r.Title, r.NarrativeMarkdown, r.SourceURL = c(r.Title), c(r.NarrativeMarkdown), c(r.SourceURL)
	for i := range r.Narrative {
		p := &r.Narrative[i]
		p.Text = c(p.Text)
		for j := range p.Items {
			p.Items[j] = c(p.Items[j])
		}
	}
	for k, v := range r.Ratings {
		r.Ratings[k] = c(v)
	}
	for i := range r.OtherRatings {
		o := &r.OtherRatings[i]
		o.Label, o.Rating = c(o.Label), c(o.Rating)
	}
	for i := range r.Issues {
		is := &r.Issues[i]
		is.Text, is.Response = c(is.Text), c(is.Response)
		// The paragraphs are the response's own words: slice them out
		// of it rather than hold them twice.
		off := 0
		for j, para := range is.ResponseParagraphs {
			if k := strings.Index(is.Response[off:], para); k >= 0 {
				is.ResponseParagraphs[j] = is.Response[off+k : off+k+len(para)]
				off += k + len(para)
			} else {
				is.ResponseParagraphs[j] = c(para)
			}
		}
		for j := range is.JointWith {
			is.JointWith[j] = c(is.JointWith[j])
		}
	}
}
