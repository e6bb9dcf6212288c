package render

import "github.com/inspectsite/inspectsite/internal/report"

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
	// Publisher names who publishes the site; DataLicence is the licence
	// of its data, for the footer.
	Publisher   string
	DataLicence Link
}

// Header is what the site header shows: the site's name linking home, and
// the menu.
type Header struct {
	SiteTitle, Home string
	Menu            []MenuItem
}

// Footer is what the site footer shows.
type Footer struct {
	Base, Feed  string
	Contact     Link
	Publisher   string
	DataLicence Link
}

// Header and Footer are the frame's header and footer data, for Cached.
func (f *Frame) Header() Header { return Header{f.SiteTitle, f.Base, f.Menu} }

func (f *Frame) Footer() Footer {
	return Footer{f.Base, f.Feed, f.Contact, f.Publisher, f.DataLicence}
}

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
	Latest  []*Report // the five newest
	Ratings RatingsTable
	// Recurring are the themes raised in at least one Area by its latest
	// inspection in the programme RecurringIn, most Areas first, out of
	// RecurringOf Areas with a report in it.
	Recurring   []ThemeReach
	RecurringIn string
	RecurringOf int
	Areas       []AreaSummary
	Criteria    []string // criterion titles, in order
}

// ReportsPage is reports.html: one page of every report, newest first.
type ReportsPage struct {
	Frame
	Reports    []*Report
	Pagination *Pagination
	// Kind is "" for every report, "programme" or "year" for a list
	// narrowed to Name, which holds Count reports on all its pages.
	Kind, Name string
	Count      int
	Narrow     Narrowing
	// Script and Index are the URLs of the script that filters the list
	// in place and of the index it reads.
	Script, Index string
}

// Narrowing lists the static lists the reports list narrows to, each
// with its number of reports.
type Narrowing struct {
	Areas, Programmes, Years []ThemeLink
}

// ReportPage is report.html: one report with its issues and responses.
type ReportPage struct {
	Frame
	Report    *Report
	Narrative []Block
	// Prev and Next are its neighbours among its Area's reports, by date.
	Prev, Next *Report
	// Groups are its issues in the document's order, an issue alone or
	// several answered by one combined response.
	Groups []IssueGroupView
	// OutOfOrder is true when the document numbers its issues out of
	// order; Order is then the numbers as it gives them.
	OutOfOrder bool
	Order      []int
	// NarrativeThemes are the themes its text discusses outside numbered
	// issues: what a document with none raises.
	NarrativeThemes []Link
	// Ratings explains the rating words and criteria beside the ratings.
	Ratings RatingsGuide
}

// IssueGroupView is one or more issues and the one response they share.
type IssueGroupView struct {
	Issues []*Issue
	// Response is the issue whose response is shown, after the last
	// issue of the group.
	Response *Issue
	Numbers  []int
}

// RatingsGuide says what the rating words and the criteria mean, and
// links to the page that explains them.
type RatingsGuide struct {
	URL      string
	Words    []RatingWord
	Criteria []CriterionNote
}

// RatingWord is a rating word and what it means.
type RatingWord struct{ Word, Meaning string }

// CriterionNote is a criterion and what it covers.
type CriterionNote struct{ Title, Description string }

// SourcePage is source.html: a report's document as read, line by line.
type SourcePage struct {
	Frame
	Report *Report
	Lines  []SourceLine
	// Digest is the SHA-256 of the document's bytes, in hex: the page's
	// recipe takes it in place of Lines, which are made from those bytes
	// only when the page is rendered.
	Digest string

	doc *report.Report // whose Lines are still to be read; nil once read
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
	Name     string
	Reports  int       // in the Area, on every page
	First    *Report   // its oldest and newest reports, or nil
	Last     *Report   //
	Rated    *Report   // its newest report stating ratings, or nil
	Window   []*Report // this page's reports
	From, To int       // their 1-based positions in the Area
	Criteria []string  // criterion titles, in order
	Changes  []Change
	// What the Area covers and its page on the CPS website.
	PoliceForces, Counties []string
	CPSURL, CPSHost        string
	// History is its ratings over time (first page only).
	History RatingHistoryView
	// Shared are responses other Areas' reports print that were given
	// jointly with this Area (first page only).
	Shared []SharedView
	Themes []ThemeLink // every theme raised in the Area, with its count (first page only)
	Groups []IssueGroup
	// Commitments are those of this page's reports, by timeframe, with
	// the Area's counts; nil when the Area's responses promise nothing.
	Commitments *AreaCommitments
	Pagination  *Pagination
}

// RatingHistoryView is an Area's ratings criterion by criterion across
// every inspection that states any, oldest first: Reports has one of each
// inspection's documents, and each row a rating word or "" per report.
type RatingHistoryView struct {
	Reports  []*Report
	Criteria []CriterionHistoryView
}

// CriterionHistoryView is one criterion's ratings over time, and how they
// moved: between each rating and the one before it (Steps), between the
// first and the latest when there are three or more (Overall), and the
// best it had when the latest is worse (Best).
type CriterionHistoryView struct {
	Criterion string
	Ratings   []string
	Steps     []RatingStepView
	First     RatingPointView
	Overall   *RatingStepView
	Best      *RatingPointView
}

// RatingPointView is one rating and the report it is in.
type RatingPointView struct {
	Rating string
	Report *Report
}

// RatingStepView is a rating and the one before it; Change is "better",
// "worse" or "unchanged".
type RatingStepView struct {
	From, To RatingPointView
	Change   string
}

// SharedView is the responses one other Area's reports print that were
// given jointly with this Area.
type SharedView struct {
	From  Link
	Items []IssueRef
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
	ByArea []ThemeLink
	Groups []IssueGroup
	// Commitments counts the commitments of the responses to the theme's
	// issues; each response below lists its own.
	Commitments int
	Pagination  *Pagination
}

// ComparePage is compare.html: the Areas side by side, one programme at
// a time, counting each Area's latest inspection (Latest) or every
// inspection.
type ComparePage struct {
	Frame
	Latest            bool
	LatestURL, AllURL string // the two views
	RatingsURL        string // what the ratings mean
	Data              string // the comparison tables as CSV
	RatingWords       []string
	Programmes        []ProgrammeView
	RaisedAgain       RaisedAgainView
}

// ProgrammeView is one programme's comparison of the Areas.
type ProgrammeView struct {
	ID, Title, Description string
	// WithReport is the M of "N of the M Areas with a report in this
	// programme", of AreaCount Areas; Inspections are those counted.
	WithReport, AreaCount, Inspections int
	// Unnumbered counts the inspections, and UnnumberedAreas the Areas,
	// whose documents list no numbered issues.
	Unnumbered, UnnumberedAreas int
	// Lead are the themes raised in the most Areas (LeadAreas): one is a
	// leader, more are Tied.
	Lead      []Link
	LeadAreas int
	Tied      bool
	// Themes raised, most Areas first, and the chart of them.
	Themes      []ThemeRow
	ThemesChart Chart
	// Rated is true when the programme's reports give ratings: then
	// Distribution, RatingsChart and RatingRows say them.
	Rated        bool
	Criteria     []string
	Distribution []Distribution
	RatingsChart Chart
	RatingRows   []RatedRow
	// Tables count issues by theme, Areas with a report as rows.
	Tables []CountTable
	// Missing are the Areas with no report in the programme.
	Missing []Link
	CSV     string
}

// ThemeRow is how widely one theme was raised in a programme: in Areas of
// the WithReport Areas, by Issues issues; NarrativeAreas more Areas with
// no numbered issues discuss it in their text.
type ThemeRow struct {
	Link
	Areas, Issues, NarrativeAreas int
}

// RatedRow is one counted inspection's ratings, a word or "" per
// criterion; Report is one of its documents.
type RatedRow struct {
	Area    Link
	Report  *Report
	Ratings []string
}

// RaisedAgainView lists the themes an Area's inspection raised again
// after the inspection before it; Eligible Areas have two or more.
type RaisedAgainView struct {
	Eligible  int
	Lead      []Link
	LeadAreas int
	Tied      bool
	Themes    []RepeatRow
}

// RepeatRow is one theme raised again, in Areas Areas.
type RepeatRow struct {
	Theme Link
	Areas int
	Pairs []PairLink
}

// PairLink is an Area's inspection and the one before it.
type PairLink struct {
	Area           Link
	Earlier, Later *Report
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
	// Unnumbered is true when the Area's counted documents list no
	// numbered issues: its counts are not zeros but absent.
	Unnumbered  bool
	Inspections int
}

// ThemeReach is how widely a theme recurs.
type ThemeReach struct {
	Link
	Areas, Issues int
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
	// LastUpdated is the newest document's date as words, "" when none
	// is dated.
	LastUpdated                                      string
	CompareFiles                                     []DataFile
	ReportFields, IssueFields, IssuesCSV, RatingsCSV []Field
	CommitmentFields, CommitmentsCSV                 []Field
	Criteria                                         []Criterion
	RatingWords                                      []string
}

// DataFile is one open data file: its name, URL and what it holds.
type DataFile struct{ Name, URL, Meaning string }

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

// RatingsPage is ratings.html: what each criterion covers, what each
// rating word means, and which programmes give ratings.
type RatingsPage struct {
	Frame
	Guide      RatingsGuide
	Programmes []ProgrammeNote
}

// ProgrammeNote is an inspection programme and what it does.
type ProgrammeNote struct {
	Title, Description string
	// Rates is true when its reports rate the criteria.
	Rates bool
}

// TextPage is the data of pages with nothing beyond the frame:
// accessibility.html and 404.html.
type TextPage struct {
	Frame
}
