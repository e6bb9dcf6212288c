// Package config holds the site configuration: the site's title and base URL
// and the domain vocabulary (Areas, criteria, programmes, kinds, themes,
// glossary) that the rest of inspectsite reads instead of hard-coding it.
//
// It reads site.toml with BurntSushi/toml, keeps the built-in section for any
// section a site leaves out, and rejects unknown keys and bad values with the
// line they are on. It must not know anything about documents or pages.
package config

import (
	"net/url"
	"strings"
)

// Config is a decoded, validated site.toml.
type Config struct {
	Title            string   `toml:"title"`
	Description      string   `toml:"description"`
	BaseURL          string   `toml:"base_url"`
	Language         string   `toml:"language"`
	PageSize         int      `toml:"page_size"`
	MaxDocumentBytes int64    `toml:"max_document_bytes"`
	ContactURL       string   `toml:"contact_url"`
	ContactLabel     string   `toml:"contact_label"`
	Ratings          []string `toml:"ratings"`
	// Publisher names who publishes the site, for its footer.
	Publisher string `toml:"publisher"`
	// RatingMeanings says what each rating word means, for readers.
	RatingMeanings map[string]string `toml:"rating_meanings"`
	DataLicence    Licence           `toml:"data_licence"`

	Extract    Extract           `toml:"extract"`
	Areas      []Area            `toml:"area"`
	Criteria   []Criterion       `toml:"criterion"`
	Programmes []Programme       `toml:"programme"`
	Kinds      []Kind            `toml:"kind"`
	Themes     []Theme           `toml:"theme"`
	Glossary   map[string]string `toml:"glossary"`
	// GlossaryBefore holds expansions that changed: each applies to
	// documents dated before its date.
	GlossaryBefore []GlossaryBefore `toml:"glossary_before"`
	Roles          []Role           `toml:"role"`
	Commitment     Commitment       `toml:"commitment"`
}

// Extract holds the words that mark a document's structure.
type Extract struct {
	IssueHeadings  []string `toml:"issue_headings"`
	ResponseLabels []string `toml:"response_labels"`
	IssueNouns     []string `toml:"issue_nouns"`
	// IssueLabels name one issue at the start of its line, with or
	// without a number ("Recommendation 2:", "HMCPSI recommendation:").
	IssueLabels []string `toml:"issue_labels"`
	// MetadataLabels are the labels of a page's metadata block, each on
	// its own line above its value; AreaLabels are those whose value is
	// the Area.
	MetadataLabels []string `toml:"metadata_labels"`
	AreaLabels     []string `toml:"area_labels"`
	// NotAnArea are phrases holding an Area's name that do not make a
	// document about that Area ("England and Wales").
	NotAnArea []string `toml:"not_an_area"`
	// NotAreaNames are words that follow "CPS" without naming an Area
	// ("CPS response", "CPS Direct"); any other name after "CPS" that is
	// no known Area is warned about.
	NotAreaNames []string `toml:"not_area_names"`
	// AllAreas are words that mark a document about every Area at once
	// (a composite report), which is therefore not thematic.
	AllAreas []string `toml:"all_areas"`
}

// Area is one of the CPS's geographic Areas.
type Area struct {
	Name    string   `toml:"name"`
	Slug    string   `toml:"slug"`
	Aliases []string `toml:"aliases"`
	// What the Area covers, so readers can tell which Area is theirs.
	PoliceForces []string `toml:"police_forces"`
	Counties     []string `toml:"counties"`
	// CPSURL is the Area's own page on the CPS website.
	CPSURL string `toml:"cps_url"`
}

// Criterion is one of the inspection criteria that carry a rating.
type Criterion struct {
	Slug    string   `toml:"slug"`
	Title   string   `toml:"title"`
	Aliases []string `toml:"aliases"`
	// Description says what the criterion covers, for readers.
	Description string `toml:"description"`
}

// Programme is an inspection programme, recognised by its terms.
type Programme struct {
	ID       string   `toml:"id"`
	Title    string   `toml:"title"`
	Terms    []string `toml:"terms"`
	Requires []string `toml:"requires"`
	// National marks the programme of national inspections of one topic:
	// it applies only to documents about no single Area, and is theirs
	// when they name no programme and are not about all Areas.
	National bool `toml:"national"`
	// Description says, for readers, what the programme inspected and
	// how it graded, so that comparisons can say why programmes are
	// never counted together.
	Description string `toml:"description"`
}

// Kind is a kind of document (a CPS response, an HMCPSI summary).
type Kind struct {
	Slug    string   `toml:"slug"`
	Title   string   `toml:"title"`
	Terms   []string `toml:"terms"`
	Default bool     `toml:"default"`
	// ObjectAfter are words that, standing a few words before one of the
	// kind's terms in the same sentence, make what the term names the
	// object of the sentence rather than its speaker ("a report published
	// by ... the Inspectorate"): the term is then no evidence of the kind.
	ObjectAfter []string `toml:"object_after"`
}

// Role is someone in the CPS who can own a commitment: a post (Chief Crown
// Prosecutor), a group (legal managers) or a board. Fallback marks the role
// a commitment is given when its text names no one ("the Area").
type Role struct {
	Name         string   `toml:"name"`
	Slug         string   `toml:"slug"`
	Abbreviation string   `toml:"abbreviation"`
	Aliases      []string `toml:"aliases"`
	Fallback     bool     `toml:"fallback"`
}

// Commitment holds the words that tell a CPS commitment from a statement
// about someone else.
type Commitment struct {
	// Others are parties outside the CPS: a sentence whose subject is one
	// of them ("the police will") commits the CPS to nothing.
	Others []string `toml:"others"`
}

// Theme groups issues about one recurring problem.
type Theme struct {
	Slug        string   `toml:"slug"`
	Title       string   `toml:"title"`
	Description string   `toml:"description"`
	Terms       []string `toml:"terms"`
}

// BasePath is the path part of the base URL, always starting and ending
// with "/": "/" for a site at the root, "/sub/" under a sub-path.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// AbsURL turns a site path ("/reports/x/") into a full URL when the base URL
// has a host, or a base-path URL when it does not.
func (c *Config) AbsURL(sitePath string) string {
	rel := c.BasePath() + strings.TrimPrefix(sitePath, "/")
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Host == "" {
		return rel
	}
	return u.Scheme + "://" + u.Host + rel
}

// AreaBySlug returns the Area with the slug, or nil.
func (c *Config) AreaBySlug(slug string) *Area {
	for i := range c.Areas {
		if c.Areas[i].Slug == slug {
			return &c.Areas[i]
		}
	}
	return nil
}

// KnownRating reports whether word is one of the configured rating words,
// and returns it as configured.
func (c *Config) KnownRating(word string) (string, bool) {
	for _, r := range c.Ratings {
		if strings.EqualFold(r, word) {
			return r, true
		}
	}
	return "", false
}
