package report_test

import (
	"strings"
	"testing"
)

// readerTraps are the ways real published pages mislead a reader: page
// chrome before the title, metadata blocks, dates that are not the
// publication date, programmes named in passing, Areas that are no Area,
// unnumbered and ordinal recommendations, and issue wording that mentions
// one topic while being about another. Each trap has its negative.
var readerTraps = []trap{
	// Dates.
	{
		name: "date under its label on the next line",
		doc:  "Area Inspection Programme for CPS East Midlands\n\nDate of publication\n13 October 2022\nCPS Region\nEast Midlands\n\nInspectors found that casework needs to improve across the Area as a whole.\n",
		date: ptr("2022-10-13"), title: "Area Inspection Programme for CPS East Midlands", area: ptr("East Midlands"),
	},
	{
		name: "date as a list item under a list-item label, no blank lines",
		doc:  "Area Inspection Programme CPS London North\n- Date of publication\n- 06 May 2022\n- CPS Region\n- London North\nAs part of our Area Inspection Programme, we are assessing all 14 CPS Areas against a consistent framework.\nThis baseline assessment report sets out our findings from CPS London North.\n",
		date: ptr("2022-05-06"), title: "Area Inspection Programme CPS London North", programme: "AIP-baseline", kind: "hmcpsi-summary",
	},
	{
		name: "date in brackets beside the announcement",
		doc:  "CPS response to the inspection of CPS Wessex\n\nHMCPSI has today issued a report (Tuesday 28 January 2025) following its inspection of CPS Wessex.\n",
		date: ptr("2025-01-28"),
	},
	{
		name: "date at the end of the title",
		doc:  "CPS Response to Area Inspection Programme, CPS Wessex, Baseline Report, 6 March 2025\n\nHMCPSI have issued a report following their inspection of CPS Wessex and its casework.\n",
		date: ptr("2025-03-06"), programme: "AIP-baseline",
	},
	{
		name: "month first date in the title",
		doc:  "CPS Wessex response to HMCPSI report, July 24 2025\n\nThe Inspectorate's report finds that CPS Wessex has improved its casework over the year.\n",
		date: ptr("2025-07-24"),
	},
	{
		name: "negative: a date in the quoted title of another report",
		doc:  "CPS Wessex response to HMCPSI report\n\nHMCPSI today issued a report that follows “Disclosure in the Crown Court, 5 May 2019” and finds that the Area has improved.\n",
		date: ptr(""), warn: "no publication date stated",
	},
	{
		name: "negative: a research citation in brackets",
		doc:  "CPS Wessex response to HMCPSI report\n\nThe report draws on earlier research (Home Office, 12 March 2019) about victims' needs in the courts.\n",
		date: ptr(""),
	},
	{
		name: "negative: fieldwork months, deadlines and month and year only",
		doc: `CPS response to North Area Inspection Programme Baseline Report, October 2021

The inspectors were on site during February and March 2021 and looked at casework in all of the Area's units.

Issues to address

1. The Area should improve its reviews by 31 July 2025.
CPS response: We will do so by 31 March 2026.
`,
		date: ptr(""), warn: "no publication date stated",
	},
	{
		name:  "negative: a Published label with no value above link text",
		doc:   "Are you OK with cookies?\n\nWe use small files called ‘cookies’ on this site. Some are essential to make the site work, some help us to understand how we can improve your experience.\n\nSkip to content\n\nArea Inspection Programme CPS Cymru Wales\n\nPublished:\nOpen document\n\nAs part of our Area Inspection Programme, we are assessing all 14 CPS Areas against a consistent inspection framework.\n\nThis first tranche of baseline assessment reports sets out our findings from CPS Cymru Wales, CPS West Midlands and CPS North East.\n",
		title: "Area Inspection Programme CPS Cymru Wales", date: ptr(""), area: ptr("Cymru Wales"), programme: "AIP-baseline",
	},

	// Titles.
	{
		name:  "licence boilerplate before the title",
		doc:   "Skip to content\n\nAll content is available under the Open Government Licence v3.0, except where otherwise stated.\n\nTo view this licence, visit:\nhttps://nationalarchives.gov.uk/doc/open-government-licence/version/3\n\nor write to:\nInformation Policy Team,\nThe National Archives,\nKew,\nLondon TW9 4DU\n\nor email: psi@nationalarchives.gov.uk.\n\nPress Notice – Area Inspection Programme – CPS Wessex\n\nCPS Wessex is delivering a good prosecution service across its casework, says the CPS Inspectorate.\n",
		title: "Press Notice – Area Inspection Programme – CPS Wessex", area: ptr("Wessex"), notIn: "Licence",
	},
	{
		name:  "a breadcrumb trail is chrome, not the title",
		doc:   "Home > Publications > Inspections\n\nCPS Wessex response to HMCPSI report\n\nThe Area welcomes the report and accepts its findings.\n",
		title: "CPS Wessex response to HMCPSI report",
	},
	{
		name:  "press release with no heading: the headline is its first sentence",
		doc:   "CPS Wessex has strong leadership and delivers a good level of service, according to the report from Her Majesty's Crown Prosecution Service Inspectorate (HMCPSI). The Area's finances are robustly managed and its staff are engaged.\n",
		title: "CPS Wessex has strong leadership and delivers a good level of service, according to the report from Her Majesty's Crown Prosecution Service Inspectorate (HMCPSI).",
		area:  ptr("Wessex"),
	},
	{
		name:  "the title line sits above a metadata block with no blank line",
		doc:   "CPS Wessex Area Assurance Inspection (Dec 16)\n- Date of publication\n- 13 December 2016\n- CPS Region\n- Wessex\nThis inspection was carried out to look at whether the CPS in Wessex delivers the maximum benefit for users.\n",
		title: "CPS Wessex Area Assurance Inspection (Dec 16)", date: ptr("2016-12-13"), programme: "AAP",
	},

	// Programme and kind.
	{
		name:      "negative: an earlier programme named in passing beside the document's own",
		doc:       "Area Inspection Programme CPS London South\n\nA common theme from the 2016-19 Area Assurance Programme is the need for the CPS to improve aspects of casework quality.\n\nEach Area will be subject to a baseline inspection and follow-up inspection within a three-year period.\n\nThis baseline assessment report sets out our findings from CPS London South.\n",
		programme: "AIP-baseline",
	},
	{
		name:      "follow-up inspection of the Area Inspection Programme",
		doc:       "CPS response to the Area Inspection Programme follow-up inspection of CPS Wessex\n\nHMCPSI have today issued their follow-up report on CPS Wessex, which finds that casework has improved.\n",
		programme: "AIP-follow-up", kind: "cps-response",
	},
	{
		name:      "a national inspection of one topic is thematic",
		doc:       "CPS response to HMCPSI inspection of the handling of hate crime\n\nHMCPSI have today issued a report following their inspection of how the CPS prosecutes hate crime across England and Wales.\n",
		programme: "thematic", area: ptr(""), kind: "cps-response",
	},
	{
		name:      "negative: a composite report about all Areas is not thematic",
		doc:       "HMCPSI composite report of casework quality\n\nThis report brings together the findings of inspections carried out across all 14 CPS Areas over the past two years.\n",
		programme: "unknown", area: ptr(""),
	},
	{
		name: "an HMCPSI page says what inspectors found",
		doc:  "CPS Wessex inspection\n\nInspectors found that the Area has strong leadership but needs to improve the quality of its casework.\n",
		kind: "hmcpsi-summary",
	},
	{
		name: "a CPS press release welcomes the report",
		doc:  "CPS Wessex welcomes inspection report\n\nThe Area has put in place an action plan to address the findings of the report.\n",
		kind: "cps-response",
	},

	// Areas.
	{
		name: "an unknown Area name is a warning, not a national document in silence",
		doc:  "CPS Atlantis response to HMCPSI report\n\nThe Area welcomes the report.\n",
		area: ptr(""), warn: `"CPS Atlantis" names no known Area`, warnLine: 1,
	},
	{
		name:   "negative: England and Wales is not Cymru Wales",
		doc:    "HMCPSI inspection of rape casework in England and Wales\n\nThis national inspection looked at rape and serious sexual offence cases in England and Wales.\n",
		area:   ptr(""),
		noWarn: "names no known Area",
	},
	{
		name: "negative: a national report listing its fieldwork Areas is about none of them",
		doc:  "HMCPSI inspection of the handling of stalking cases\n\nFieldwork took place in CPS Wessex, CPS London North and CPS Mersey-Cheshire during the summer.\n",
		area: ptr(""), programme: "thematic",
	},
	{
		name: "the Area under the metadata block's region label",
		doc:  "Area Assurance Inspection report\n\nDate of publication\n21 February 2017\nCPS Region\nYorkshire and Humberside\nAll Areas\n\nThis inspection was carried out to assess the Area in terms of efficiency and casework.\n",
		area: ptr("Yorkshire and Humberside"), date: ptr("2017-02-21"),
	},

	// Issues.
	{
		name: "a single unnumbered recommendation is issue 1",
		doc: `CPS response to HMCPSI inspection on Individual Quality Assessments

We acknowledge the findings and accept the recommendation.

Inspectorate’s recommendation

HMCPSI recommendation: The CPS should use the findings from this inspection of IQA to develop a new approach.

  • By 31 July 2025 to have designed and planned a new approach.
  • By 31 March 2026 to have implemented it.

CPS response: We accept the recommendation, and will establish a working group.
`,
		issues: ptr(1), texts: map[int]string{1: "The CPS should use the findings"}, responses: map[int]string{1: "We accept the recommendation"},
		notIn: "HMCPSI recommendation", themes: map[int][]string{1: {"quality-assurance"}}, date: ptr(""),
	},
	{
		name: "ordinal labels are not part of the issue's text",
		doc: `CPS response to the inspection of CPS Wessex

Recommendations

Recommendation One: The Area should improve the timeliness of its reviews.
CPS response: Agreed.
Recommendation Two: The Area should hold the police to account for file quality.
CPS response: Agreed, and work has begun.
`,
		issues: ptr(2), texts: map[int]string{1: "The Area should improve", 2: "The Area should hold"}, notIn: "Recommendation Two",
		responses: map[int]string{2: "Agreed, and work has begun."},
	},
	{
		name: "a combined response to a range of recommendations",
		doc: `CPS response to the inspection of CPS Wessex

Recommendations

1. The Area should improve its reviews.
2. The Area should improve its letters to victims.
3. The Area should improve its training plan.
CPS Response to recommendations 1-3: We accept all three.
`,
		issues: ptr(3), covers: map[int][]int{1: {1, 2, 3}, 3: {1, 2, 3}}, responses: map[int]string{2: "We accept all three."},
	},
	{
		name: "negative: a range in a status summary invents no issues",
		doc: `CPS Response to HMCPSI follow up inspection of the recommendations made in the 2023 Inspection of CPS policy

Inspectorates’ Recommendations / Issues to address
Of the four recommendations, HMCPSI has assessed recommendations 1-3 as achieved.
CPS Response: We are pleased that the Inspectorate has found that we have achieved three of the four.
`,
		issues: ptr(0), programme: "thematic",
	},

	// Themes on wording the terms were not written for, and hard negatives.
	{
		name: "themes: victims mentioned, but the issue is about trial readiness",
		doc: "CPS response to the inspection of CPS Wessex\n\nIssues to address\n\n" +
			"1. The Area must improve trial readiness, so that victims and witnesses are not let down by adjourned hearings.\nCPS response: Agreed.\n",
		themes: map[int][]string{1: {"case-progression"}},
	},
	{
		name: "themes: training mentioned, but the issue is about the budget",
		doc: "CPS response to the inspection of CPS Wessex\n\nIssues to address\n\n" +
			"1. The Area needs to bring its spending within budget, including the cost of external training courses.\nCPS response: Agreed.\n",
		themes: map[int][]string{1: {"resources"}},
	},
	{
		name: "themes: victims who feel they are not kept informed are not about staff",
		doc: "CPS response to the inspection of CPS Wessex\n\nIssues to address\n\n" +
			"1. Victims feel they are not kept informed about the progress of their case.\nCPS response: Agreed.\n",
		themes: map[int][]string{1: {"victim-communication"}},
	},
	{
		name: "themes: the response adds its topic when the issue's main clause names none",
		doc: "CPS response to the inspection of CPS Wessex\n\nIssues to address\n\n" +
			"1. The Area needs to add value to casework across all units, in particular case analysis and strategy.\n" +
			"CPS Response: Work has commenced on a training programme focusing on case strategy.\n",
		themes: map[int][]string{1: {"charging-and-case-analysis", "training"}},
	},
	{
		name: "negative: the response's topic is not added when the issue states its own",
		doc: "CPS response to the inspection of CPS Wessex\n\nIssues to address\n\n" +
			"1. The quality of analysis and strategy both pre and post charge needs to improve.\n" +
			"CPS Response: The Area will improve its reviews and its handling of initial disclosure.\n",
		themes: map[int][]string{1: {"charging-and-case-analysis"}},
	},

	// Narrative themes.
	{
		name:      "a summary with no issues that criticises police files",
		doc:       "Area Assurance Inspection: CPS Wessex\n\nInspectors found that over half the police files reaching the Area are not of sufficient quality.\n\nLittle or no challenge is made when files submitted by the police fall short of the national file standard.\n",
		issues:    ptr(0),
		narrative: []string{"police-file-quality"},
	},
}

func TestReaderTraps(t *testing.T) { runTraps(t, readerTraps) }

// The explanation names each field's line, why it won, and the
// candidates that lost.
func TestExplainSaysWhyCandidatesLost(t *testing.T) {
	p := defaultParser(t)
	doc := "Area Inspection Programme CPS London South\n\nDate of publication\n17 February 2022\n\n" +
		"A common theme from the 2016-19 Area Assurance Programme is the need to improve casework.\n\n" +
		"This baseline assessment report sets out our findings. HMCPSI has today (1 March 2022) published it.\n"
	r, ex, _ := p.Explain("content/x.txt", []byte(doc))
	if r == nil {
		t.Fatal("not parsed")
	}
	var b strings.Builder
	if _, err := ex.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`date = "2022-02-17"`, "line 4: the publication date under its label",
		`lost: "2022-03-01" (line 8): a date beside the announcement`,
		`programme = "AIP-baseline"`, `lost: "AAP" (line 6): "Area Assurance" follows a year`,
		"lines 3-4  metadata", `area = "London South"`, "line 1: named in the title",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	if r2, _ := p.Parse("content/x.txt", []byte(doc)); r2.Date != r.Date || r2.Programme != r.Programme || r2.Title != r.Title {
		t.Errorf("Explain read %+v, Parse %+v", r, r2)
	}
}
