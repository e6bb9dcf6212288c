package render

// The fields of each open data file, for /data/.
var (
	reportFields = []Field{
		{"id", "text", "The report's identifier: the Area slug and date (mersey-cheshire-2018-04-05) when both are known, otherwise the file name as a slug. Unique."},
		{"source", "text", "The file the report was read from, starting content/."},
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
	}
	issueFields = []Field{
		{"number", "whole number", "The issue's number as the document gives it."},
		{"text", "text", "The issue as the inspectorate worded it."},
		{"response", "text", "The response to it; empty when the document gives none."},
		{"response_covers", "list of numbers", "The issues one combined response answers (“CPS Response to 1 & 3”); otherwise just this issue's number."},
		{"joint_with", "list of text", "Other Areas a joint response was made with (“joint with CPS London North”)."},
		{"themes", "list of slugs", "The themes the issue was assigned to, from the terms in site.toml."},
		{"theme_terms", "object", "For each theme, the terms that matched, so an assignment can be checked and corrected."},
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
