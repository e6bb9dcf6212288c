package render

// The data of each page type: everything its template may show. See the
// package documentation for which template gets which.

// Frame is what every page shows around its content, and the site-wide
// facts any page may show. Every page's data embeds it.
type Frame struct {
	Lang        string // the site's language, "en-GB"
	SiteTitle   string
	Description string
	Title       string // the page's own title, its h1
	FullTitle   string // its <title>: title, page number, site title
	URL         string // the page's own URL
	Base        string // the base path, escaped, for {{url .Base "areas" .Slug}}
	Stylesheet  string // URL of the fingerprinted stylesheet
	Feed        string // URL of the Atom feed
	Menu        []MenuItem
	Crumbs      []Link // the breadcrumb trail, home first; none on the home page
	Contact     Link   // the site owner's contact, from the configuration
	// Abbreviations are the glossary entries the page's texts use, A to Z.
	Abbreviations []*Abbreviation
	// Site-wide counts.
	ReportCount, IssueCount, AreaCount int

	fragments *fragments // see Cached
}

// Header is what the site header shows: the site's name linking home, and
// the menu.
type Header struct {
	SiteTitle, Home string
	Menu            []MenuItem
}

// Footer is what the site footer shows.
type Footer struct {
	Base, Feed string
	Contact    Link
}

// Header and Footer are the frame's header and footer data, for Cached.
func (f *Frame) Header() Header { return Header{f.SiteTitle, f.Base, f.Menu} }

func (f *Frame) Footer() Footer { return Footer{f.Base, f.Feed, f.Contact} }

// MenuItem is one item of the menu. Current is "page" on the item's own
// page, "true" on the other pages of its section, "" elsewhere.
type MenuItem struct {
	Link
	Current string
}

// Pagination is where a page stands in a list split over pages; a list
// of one page has none.
type Pagination struct {
	Page, Total int
	Prev, Next  string // URLs, "" at either end
	Links       []PageLink
}

// PageLink is one numbered link of a pagination; Gap stands for a run of
// pages left out.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// HomePage is index.html: the latest reports, every Area's latest
// ratings, the themes that recur.
type HomePage struct {
	Frame
	Latest    []*Report // the five newest
	Ratings   RatingsTable
	Recurring []ThemeReach // themes raised in at least one Area, most Areas first
	Areas     []AreaSummary
	Criteria  []string // criterion titles, in order
}

// ReportsPage is reports.html: one page of every report, newest first.
type ReportsPage struct {
	Frame
	Reports    []*Report
	Pagination *Pagination
}

// ReportPage is report.html: one report with its issues and responses.
type ReportPage struct {
	Frame
	Report    *Report
	Narrative []Block
	// Prev and Next are its neighbours among its Area's reports, by date.
	Prev, Next *Report
}

// SourcePage is source.html: a report's document as read, line by line.
type SourcePage struct {
	Frame
	Report *Report
	Lines  []SourceLine
}

// SourceLine is line N of a document, as read ("" for a blank line).
// Parts is set only for a line holding characters the reader leaves out of
// every field (control and invisible formatting characters): the line in
// runs of Text, with each such character as its Code ("U+202E"), so the
// page can show it.
type SourceLine struct {
	N     int
	Text  string
	Parts []LinePart
}

// LinePart is a run of a line's text, or one hidden character's Code.
type LinePart struct {
	Text, Code string
}

// AreasPage is areas.html: every Area, and the national reports.
type AreasPage struct {
	Frame
	Areas    []AreaSummary
	National []*Report
}

// AreaSummary is an Area as lists show it.
type AreaSummary struct {
	Name, URL string
	Reports   int
	Issues    int
	Latest    *Report // its newest report, or nil
}

// AreaPage is area.html: one page of an Area's reports, oldest first, the
// comparisons ending in them and their issues by theme.
type AreaPage struct {
	Frame
	Name       string
	Reports    int       // in the Area, on every page
	First      *Report   // its oldest and newest reports, or nil
	Last       *Report   //
	Rated      *Report   // its newest report stating ratings, or nil
	Window     []*Report // this page's reports
	From, To   int       // their 1-based positions in the Area
	Criteria   []string  // criterion titles, in order
	Changes    []Change
	Themes     []ThemeLink // every theme raised in the Area, with its count (first page only)
	Groups     []IssueGroup
	Pagination *Pagination
}

// Change compares one of an Area's reports with the one before it.
type Change struct {
	Later, Earlier *Report
	Repeated       []Link // themes both raised
	// Comparable is false when either report states no ratings;
	// EarlierRated then says which.
	Comparable, EarlierRated bool
	Ratings                  []RatingChange
}

// RatingChange is one criterion's rating that changed.
type RatingChange struct{ Criterion, From, To string }

// ThemeLink is a theme with a count, linking to where it shows the count.
type ThemeLink struct {
	Link
	Count int
}

// IssueGroup is a titled run of issues: one Area's on a theme page, one
// theme's on an Area page. Continued: it began on an earlier page.
type IssueGroup struct {
	ID        string // the heading's id, unique on the page
	Title     string
	Continued bool
	Items     []IssueRef
}

// ThemesPage is themes.html: every theme.
type ThemesPage struct {
	Frame
	Themes []ThemeSummary
}

// ThemeSummary is a theme as lists show it.
type ThemeSummary struct {
	Title, URL, Description string
	Issues, Areas           int
}

// ThemePage is theme.html: one page of a theme's issues, by Area.
type ThemePage struct {
	Frame
	Theme ThemeSummary
	// ByArea counts the theme's issues in each configured Area (first
	// page only); URL is "" for an Area with none.
	ByArea     []ThemeLink
	Groups     []IssueGroup
	Pagination *Pagination
}

// ComparePage is compare.html: the Areas side by side.
type ComparePage struct {
	Frame
	Areas                 int // Areas compared
	FirstDate, LatestDate string
	Ratings               RatingsTable
	RatingWords           []string // the configured rating words
	RatingsChart          Chart
	Distribution          []Distribution
	Tables                []CountTable
	Recurring             []ThemeReach
	ThemesChart           Chart
	Repeats               []Repeat
}

// RatingsTable is each Area's latest rating on each criterion.
type RatingsTable struct {
	Criteria []string
	Rows     []AreaRatings
}

// AreaRatings is one Area's row: Rated is its newest report stating
// ratings (nil when none does), HasReports whether it has any report.
type AreaRatings struct {
	Name, URL  string
	Rated      *Report
	HasReports bool
}

// Distribution is how many Areas got each rating on one criterion, in
// the order of the rating words, then "Not rated".
type Distribution struct {
	Criterion string
	Counts    []RatingCount
}

// RatingCount is a number of Areas with one rating.
type RatingCount struct {
	Rating string
	Count  int
}

// CountTable counts issues for a few themes, Areas as rows.
type CountTable struct {
	ID     string
	Themes []string
	Rows   []CountRow
	Totals []int // per theme, then the grand total
}

// CountRow is one Area's counts; Links[i] is the URL of Counts[i]'s issues.
type CountRow struct {
	Area, URL string
	Counts    []int
	Links     []string
	Total     int
}

// ThemeReach is how widely a theme recurs.
type ThemeReach struct {
	Link
	Areas, Issues int
}

// Repeat is a theme raised again in a later inspection, and where.
type Repeat struct {
	Theme Link
	Areas []Link // to each Area's progress section
}

// GlossaryPage is glossary.html: every abbreviation, by letter.
type GlossaryPage struct {
	Frame
	Letters []GlossaryLetter
}

// GlossaryLetter is the entries under one letter; ID is its heading's id.
type GlossaryLetter struct {
	Letter, ID string
	Entries    []GlossaryEntry
}

// GlossaryEntry is one abbreviation; ID is its entry's id.
type GlossaryEntry struct{ Abbr, Expansion, ID string }

// DataPage is data.html: the open data files, field by field.
type DataPage struct {
	Frame
	ReportFields, IssueFields, IssuesCSV, RatingsCSV []Field
	Criteria                                         []Criterion
	RatingWords                                      []string
}

// Field is one field of a data file.
type Field struct{ Name, Type, Meaning string }

// Criterion is a rated criterion.
type Criterion struct{ Slug, Title string }

// SearchPage is search.html: the search form and the lists to browse.
type SearchPage struct {
	Frame
	Script, Index string // URLs of the search script and its index
	Themes        []Link
}

// TextPage is the data of pages with nothing beyond the frame:
// accessibility.html and 404.html.
type TextPage struct {
	Frame
}
