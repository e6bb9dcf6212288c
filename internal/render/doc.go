// Package render turns the site model into the bytes of every output file:
// HTML pages from html/template, the stylesheet, the feed and the sitemap
// (encoding/xml), robots.txt, the search index and the open data files. It
// hands each file to a write function and never touches the disk itself, so
// builds, the preview server and tests share it.
//
// # Templates
//
// This comment is the contract between the generator and template authors.
// The templates in templates/ are built in; a site's own templates/ folder
// replaces any of them by name. Every page is executed as the template
// "base" (base.html) of the set made from base.html, partials.html and the
// page type's own file, which defines "content" (and may define "scripts",
// placed at the end of <head>).
//
// A page is a function of its data: the template is given one value, of the
// type listed below for its file, and nothing else. There is no back door to
// the site model, the configuration or the file system. Whatever a page
// shows is a field of its data, so that whether a page changed can be told by
// hashing its data with the templates, the configuration and the program
// (its Recipe): the preview server renders again only the pages whose recipe
// changed (see Cache), and a build into the previous site keeps the others
// as they are (see KeepFunc). Every string is plain text:
// html/template escapes it for where it stands. URLs are ready to use,
// already under the base path with each segment percent-encoded.
//
// Every page's data embeds [Frame]: the site's title, language and
// description, the page's Title (its h1) and FullTitle (its <title>), its
// own URL, the Base path, the Stylesheet and Feed URLs, the Menu (each item
// knowing whether it is the current page or section), the Crumbs of the
// breadcrumb trail, the site owner's Contact, the Abbreviations the page's
// texts use (expanded as at each document's date), the site-wide counts
// ReportCount, IssueCount and AreaCount, the Publisher and the
// DataLicence. A list's pages after the first have "page 3 of 6" in
// their Title.
//
// The page types, by template file:
//
//   - index.html: [HomePage]. Latest: the five newest reports; Ratings:
//     every Area's latest ratings; Recurring: themes by the number of Areas
//     whose latest inspection in the newest programme (RecurringIn) raises
//     them, out of RecurringOf; Areas: every Area with its number of
//     reports.
//   - reports.html: [ReportsPage]. One page of every report, newest first,
//     or of the reports of one programme (Kind "programme") or year (Kind
//     "year"), with its Pagination (nil for a list of one page), the
//     Narrow lists (by Area, programme and year, with counts) and the
//     Script and Index of the filter that narrows the list in place.
//   - report.html: [ReportPage]. The Report, its Narrative (paragraphs and
//     lists of Text), its issues in Groups (one issue, or several answered
//     by one combined response shown once), OutOfOrder and Order when the
//     document numbers its issues out of sequence, the NarrativeThemes its
//     text discusses, the Ratings guide, and its Prev and Next reports in
//     its Area (nil at either end).
//   - source.html: [SourcePage]. The Report and its document's Lines, as
//     read; provenance links point to the id "Ln" of line n. Its recipe
//     hashes the Digest of the document's bytes, from which the Lines are
//     made, rather than the Lines themselves: they are read from the
//     document again only when the page is rendered.
//   - areas.html: [AreasPage]. Every Area and the National reports.
//   - area.html: [AreaPage]. One page of an Area: what it covers
//     (PoliceForces, Counties, CPSURL), its reports of the page (Window,
//     positions From to To of Reports), the report stating its latest
//     ratings (Rated), the Changes between consecutive reports, and on the
//     first page its rating History, the responses Shared with it by
//     other Areas' reports and the Themes raised; its issues in Groups by
//     theme, and the Commitments of the page's reports by timeframe (nil
//     when none).
//   - themes.html: [ThemesPage]. Every theme with its counts.
//   - theme.html: [ThemePage]. One page of a theme: the Theme, its count in
//     each Area (ByArea, first page only), its issues in Groups by Area, and
//     how many Commitments the responses to them make.
//   - compare.html: [ComparePage]. /compare/ (Latest: each Area's latest
//     inspection) and /compare/all/ (every inspection): one
//     [ProgrammeView] per programme, never counting programmes together,
//     with its headline Lead (a leader, or Tied themes), themes by Areas
//     ("N of the WithReport Areas"), ratings, counts by theme and Area
//     (Unnumbered rows have no numbered issues, not zero), and the themes
//     RaisedAgain at the next inspection.
//   - ratings.html: [RatingsPage]. What each criterion covers and each
//     rating word means, and which programmes rate.
//   - commitments.html: [CommitmentsPage]. Counts of commitments by Area,
//     owner role and timeframe (Years), with how many had passed their
//     timeframe by the newest document's date (AsOf, never the build's
//     clock); the Timeframes small enough to list, item by item.
//   - glossary.html: [GlossaryPage]. Every abbreviation, by letter.
//   - data.html: [DataPage]. The fields of each open data file, the
//     comparison files, the licence and the date of the newest document.
//   - search.html: [SearchPage]. The search Script and Index URLs, the
//     themes to browse.
//   - accessibility.html, 404.html: [TextPage], the frame alone.
//
// A report is a [Report] wherever it appears, one value per report and
// build, shared by every page showing it: its title, Area, dates as written
// for reading, programme, kind, source, a [Rating] per criterion (rated or
// not, with the source line it was read from), and its [Issue] list. An
// issue holds its number and anchor, its Text, themes, response paragraphs,
// source lines and the response's [Commitment] list: each with its Text,
// Owners, Timeframe as written and When as read, Status and source Line. Pages gathering issues from many reports hold them as
// [IssueRef], the issue with its report.
//
// A document's words are [Text]: runs of plain text and the glossary
// abbreviations in them. The words are never changed; the "text" partial
// marks each abbreviation up with its expansion as a title, and the
// "abbreviations" partial lists the page's Abbreviations with links to the
// glossary.
//
// Charts ([Chart]) come with their geometry worked out: the templates
// "ratings-chart" and "themes-chart" draw them as SVG.
//
// partials.html defines the pieces several pages share, each given the
// value its comment names: "breadcrumbs" ([]Link), "pagination"
// (*Pagination), "text" (Text), "abbreviations" ([]*Abbreviation), "rating"
// (a rating word, or "" for "Not rated"), "ratings-list" (dict "Report"
// *Report "Sources" bool), "ratings-guide" (RatingsGuide), "report-item"
// (*Report as a list item), "issue-group" (IssueGroupView: its issues and
// the one response they share, as the report page shows them),
// "issue-themes" (*Issue's themes as a tag line), "response" (*Issue's
// response alone), "commitments" (*Issue's commitments as a compact
// list), "commitment" (*Commitment), "commitment-when" (*Commitment's
// timeframe), "commitment-group-title" (a CommitmentGroup or
// CommitmentYear), "commitment-table" (dict "Group" CommitmentGroup "Area"
// string), "commitment-counts" (dict "ID", "Head", "Caption", "Rows"
// []CommitmentCount), "ratings-table" (dict "Table" RatingsTable "ID"
// string), "field-table" (dict "ID", "Caption", "Rows" []Field) and the
// two charts.
//
// Frame.Cached renders a partial of base.html or partials.html once per
// build for each value it is given and reuses the result: base.html renders
// the site header and footer that way ({{.Cached "site-header" .Header}}).
// Issue.Cached does the same for one issue's partials on the pages that
// show the issue: the report page and the theme pages render its response
// and its commitments with {{.Cached "response"}} and {{.Cached
// "commitments"}}, so they are rendered once, not once per page. As the key
// is the data itself, a cached partial cannot show anything stale; it is
// rendered as base.html and partials.html define it, even where a page's
// own file redefines it (a page that shows its own version calls
// {{template "response" .}} instead).
//
// The template functions are pure: date and monthYear ("5 April 2018",
// "April 2018" from YYYY-MM-DD), plural (plural 3 "issue" "issues"), lower,
// add, short (the first n words), dict (a map for a partial), json (a value
// as JSON, every exported field followed), and url, which
// makes a URL from the base path and segments, each escaped:
// {{url .Base "areas" "wessex"}} is "/areas/wessex/" under the root.
package render
