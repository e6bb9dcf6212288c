package render

// The fields of each open data file, for /data/.
var (
	reportFields = []Field{
		{"id", "text", "The report's identifier: the Area slug and date (mersey-cheshire-2018-04-05) when both are known, otherwise the file name as a slug. Unique."},
		{"source", "text", "The name of the file the report was read from, in the site's documents folder."},
		{"title", "text", "The document's title."},
		{"area", "text", "The CPS Area's name; empty for a national or thematic document about no single Area."},
		{"area_slug", "text", "The Area's slug, used in web addresses; empty when area is."},
		{"date", "text", "The publication date as YYYY-MM-DD; empty when the document states none."},
		{"programme", "text", "The inspection programme: AAP, AIP-baseline, AIP-follow-up, thematic, or unknown."},
		{"kind", "text", "cps-response (the CPS's response) or hmcpsi-summary (the inspectorate's own summary)."},
		{"ratings", "object", "Criterion slug to rating word, only for the criteria the document rates."},
		{"other_ratings", "list", "Ratings the document gives to something other than the four criteria: label and rating."},
		{"issues", "list", "The numbered issues to address, in document order (fields below)."},
		{"url", "text", "The report's page, from the site root."},
		{"source_url", "text", "The original publication on the CPS or HMCPSI website; empty when not known."},
	}
	issueFields = []Field{
		{"number", "whole number", "The issue's number as the document gives it."},
		{"text", "text", "The issue as the inspectorate worded it."},
		{"response", "text", "The response to it; empty when the document gives none."},
		{"response_covers", "list of numbers", "The issues one combined response answers (“CPS Response to 1 & 3”); otherwise just this issue's number."},
		{"joint_with", "list of text", "Other Areas a joint response was made with (“joint with CPS London North”)."},
		{"themes", "list of slugs", "The themes the issue was assigned to, from the words listed for each theme."},
		{"theme_terms", "object", "For each theme, the terms that matched, so an assignment can be checked and corrected."},
		{"commitments", "list", "What the response says the CPS will do, is doing or has done, one sentence each, in order (fields below). A combined response gives each issue it answers the same list."},
	}
	commitmentFields = []Field{
		{"text", "text", "The sentence of the response that states the commitment."},
		{"owners", "list of text", "Who the sentence names as acting, as roles of the site's list (Deputy Chief Crown Prosecutor, legal managers, Casework Quality Board, ...); “the Area” when it names no one."},
		{"timeframe", "text", "When, as the sentence writes it (“in early 2017”, “for 2018/19”); empty when it says nothing."},
		{"timeframe_read", "text", "The timeframe as a date in ISO 8601: a year (2017), a month (2018-04), a day, a business year as months (2018-04/2019-03), or a start and a duration (2022-06-28/P12M); empty when it cannot be read."},
		{"timeframe_relative", "true or false", "True when the reading rests on the document's date (“over the next twelve months”, “in June”)."},
		{"status", "text", "promised (will do), under way (is doing, continues to) or done (has done), as the sentence states it."},
		{"line", "whole number", "The line of the document where the sentence starts."},
	}
	issuesCSVFields = []Field{
		{"report_id", "text", "The report's id, as in reports.json."},
		{"area", "text", "The Area's name; empty for a national document."},
		{"date", "text", "The publication date, YYYY-MM-DD, or empty."},
		{"programme", "text", "The inspection programme."},
		{"number", "whole number", "The issue's number."},
		{"themes", "text", "Theme slugs separated by semicolons."},
		{"text", "text", "The issue."},
		{"response", "text", "The response, or empty."},
		{"response_covers", "text", "Issue numbers the response answers, separated by semicolons."},
		{"joint_with", "text", "Areas of a joint response, separated by semicolons."},
		{"url", "text", "The issue on its report page, from the site root."},
		{"source_url", "text", "The report's original publication, or empty."},
	}
	commitmentsCSVFields = []Field{
		{"report_id", "text", "The report's id."},
		{"area", "text", "The Area's name; empty for a national document."},
		{"date", "text", "The publication date, or empty."},
		{"issues", "text", "The issue numbers the response answers, separated by semicolons."},
		{"owners", "text", "The owners' roles, separated by semicolons."},
		{"timeframe", "text", "The timeframe as written, or empty."},
		{"timeframe_read", "text", "The timeframe as read (ISO 8601), or empty."},
		{"timeframe_relative", "text", "true when the reading rests on the document's date, else false."},
		{"status", "text", "promised, under way or done."},
		{"text", "text", "The sentence."},
		{"source_line", "text", "The sentence's line in the document as read on this site, from the site root."},
		{"source_url", "text", "The original publication, or empty when unknown."},
	}
	ratingsCSVFields = []Field{
		{"report_id", "text", "The report's id."},
		{"area", "text", "The Area's name."},
		{"date", "text", "The publication date, or empty."},
		{"programme", "text", "The inspection programme."},
		{"criterion", "text", "The criterion's slug."},
		{"rating", "text", "The rating word."},
	}
)

// compareFiles are the comparison tables as data, with what each holds.
var compareFiles = []struct{ Name, Meaning string }{
	{"data/compare-themes.csv", "For each programme, view and theme: in how many of the Areas with a report it was raised, its issues, and whether it was raised in the most Areas alone (yes) or tied."},
	{"data/compare-areas.csv", "For each programme, view and Area: the inspections counted, their numbered issues by theme (empty, not zero, when the document lists none) and the latest ratings."},
	{"data/compare-ratings.csv", "For each programme, view and criterion: how many Areas (latest view) or inspections (all view) were given each rating."},
	{"data/compare-history.csv", "Each Area's ratings over time, criterion by criterion, with the change from the previous rating and from the first."},
	{"data/compare-again.csv", "Each theme an Area's inspection raised again after the inspection before it."},
}
