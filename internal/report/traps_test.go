package report_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/report"
)

// trap is a small document for one way real documents go wrong.
type trap struct {
	name string
	doc  string
	// expectations; zero values are not checked unless noted
	title     string
	area      *string
	date      *string
	programme string
	kind      string
	ratings   map[string]string // checked when non-nil (use {} for "none")
	other     []report.OtherRating
	issues    *int
	texts     map[int]string // issue number → text prefix
	responses map[int]string // issue number → response prefix
	covers    map[int][]int
	joint     map[int][]string
	warn      string           // a warning containing this must be reported
	warnLine  int              // ... on this line, when not 0
	noWarn    string           // no diagnostic may contain this
	notIn     string           // no issue text or response may contain this
	themes    map[int][]string // issue number → its exact themes
	narrative []string         // themes the narrative must be found to discuss
}

func ptr[T any](v T) *T { return &v }

var traps = []trap{
	{
		name: "hmcpsi summary page with metadata lines and a criteria score table",
		doc: `CPS Wessex: Area Assurance Inspection
Date of publication
14 March 2019
Inspection type
Area Assurance Programme

HMCPSI's report into CPS Wessex finds an Area with strong leadership.

Criteria Score
High quality casework Fair
Continuously improving Good
The success of CPS people Good
Public confidence Poor
`,
		title: "CPS Wessex: Area Assurance Inspection", area: ptr("Wessex"), date: ptr("2019-03-14"),
		programme: "AAP", kind: "hmcpsi-summary",
		ratings: map[string]string{"casework-quality": "Fair", "continuously-improving": "Good", "success-of-cps-people": "Good", "public-confidence": "Poor"},
		issues:  ptr(0),
	},
	{
		name: "ratings only in prose, one of them rating-first",
		doc: `Area Assurance Inspection: CPS South West

HMCPSI's Area Assurance Programme report into CPS South West was published on 2 May 2018.

Inspectors rated the Area "good" for public confidence and "fair" for quality of casework. Continuously improving was assessed as 'Good'. Leadership is good and staff provide a good service.
`,
		area: ptr("South West"), kind: "hmcpsi-summary",
		ratings: map[string]string{"public-confidence": "Good", "casework-quality": "Fair", "continuously-improving": "Good"},
	},
	{
		name: "all four criteria in one sentence",
		doc: `Area Assurance Inspection: CPS Wessex

Inspectors examined the Area across four criteria: high quality casework, continuously improving, the success of CPS people, and public confidence. The overall assessment for each of the four criteria was “good”.
`,
		ratings: map[string]string{"casework-quality": "Good", "continuously-improving": "Good", "success-of-cps-people": "Good", "public-confidence": "Good"},
	},
	{
		name: "a sub-criterion rating goes to other_ratings, adjectives rate nothing",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

The Area's management of its resources is rated as 'Excellent'. The Area provides a good service and a fair hearing to victims. Hate crime conviction rates are assessed as 'outstanding'.
`,
		ratings: map[string]string{},
		other:   []report.OtherRating{{Label: "management of resources", Rating: "Excellent"}},
	},
	{
		name: "press release with no list of issues",
		doc: `CPS welcomes inspection report on CPS West Midlands

The Chief Crown Prosecutor said: "We welcome the findings and will act on them."

The report highlights improvements in case progression and the quality of letters to victims.
`,
		area: ptr("West Midlands"), kind: "cps-response", issues: ptr(0), date: ptr(""),
		warn: "no publication date",
	},
	{
		name: "national thematic response about no single Area",
		doc: `CPS response to the HMCPSI thematic inspection of disclosure

Published: 12 January 2024

The CPS welcomes this thematic inspection of the handling of unused material across all Areas.

Recommendations

1. The CPS should ensure that disclosure schedules are reviewed.
CPS response: We accept this recommendation.
`,
		area: ptr(""), programme: "thematic", kind: "cps-response", date: ptr("2024-01-12"), issues: ptr(1),
		texts: map[int]string{1: "The CPS should ensure that disclosure schedules"}, responses: map[int]string{1: "We accept"},
	},
	{
		name: "text copied from a PDF: hard-wrapped lines and page markers",
		doc: `CPS Response to HMCPSI Area Assurance
Inspection of CPS North East
12/06/2018

Issues to address

1. The Area needs to improve the timeliness of
its reviews in the Crown Court.
Page 3
CPS response: The Area will introduce a weekly
review meeting.
2) The Area should improve letters to victims.
CPS response: Letters will be checked.
`,
		title: "CPS Response to HMCPSI Area Assurance Inspection of CPS North East", area: ptr("North East"), date: ptr("2018-06-12"),
		issues:    ptr(2),
		texts:     map[int]string{1: "The Area needs to improve the timeliness of its reviews in the Crown Court.", 2: "The Area should improve letters"},
		responses: map[int]string{1: "The Area will introduce a weekly review meeting."},
		notIn:     "Page 3",
	},
	{
		name:  "Windows file: BOM, CRLF",
		doc:   "\uFEFFCPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\r\n05/04/2018\r\n\r\nIssues to address\r\n\r\n1. The Area must improve disclosure.\r\nCPS Response: We will.\r\n",
		title: "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex", date: ptr("2018-04-05"), issues: ptr(1),
		texts: map[int]string{1: "The Area must improve disclosure."}, responses: map[int]string{1: "We will."},
		noWarn: "Windows-1252",
	},
	{
		name:  "Windows-1252 bytes",
		doc:   "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex\n\nThe Area\x92s staff were praised \x96 rightly.\n",
		title: "CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex", warn: "Windows-1252",
	},
	{
		name: "fieldwork months, deadlines, no year and two-digit years are not the date",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

The fieldwork took place in July 2017. Actions will be complete by March 2019 and reviewed on 5 April. The plan runs to May 19.
`,
		date: ptr(""), warn: "no publication date",
	},
	{
		name: "a date inside quoted research is not the date",
		doc: `CPS Response to Area Inspection Programme, CPS Wessex Follow-up Report

The CPS has today issued its response.

Issues to address

1. Improve victim letters.

CPS response: The research was published on the CPS website on 27 June 2022.
`,
		date: ptr(""), programme: "AIP-follow-up",
	},
	{
		name: "has today [date] issued",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

HMCPSI has today [5 April 2018] issued a report.
`,
		date: ptr("2018-04-05"),
	},
	{
		name: "updated on counts when nothing else is stated",
		doc: `Area Assurance Inspection: CPS Wessex

Please note that this summary was updated on Wednesday 25 October 2017.
`,
		date: ptr("2017-10-25"),
	},
	{
		name: "stated count differs from the issues found",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

We have identified three main issues to address.

Issues to address

1. Improve disclosure.
CPS response: Done.
2. Improve letters to victims.
CPS response: Done.
`,
		issues: ptr(2), warn: "states 3 issues but 2 were found", warnLine: 3,
	},
	{
		name: "stated count in words that matches",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

Six of the ten issues identified relate to casework. There are 2 issues here.

Issues to address

1. Improve disclosure.
CPS response: Done.
2. Improve letters to victims.
CPS response: Done.
`,
		issues: ptr(2), warn: "states 10 issues",
	},
	{
		name: "combined, joint and multi-paragraph responses; chrome is not content",
		doc: `Skip to main content
CPS Response to HMCPSI Area Assurance Inspection of CPS London North
25/10/2018

Inspectorate's Issues to Address

- 1. The Area must improve disclosure.
- 3. The Area must train lawyers on disclosure.

**CPS Response to 1 & 3:** Training will be provided.

2. The Area should engage with the defence.

CPS response (joint with CPS London South): Both Areas will meet defence practitioners.

4. The Area should improve file quality.

CPS response: (joint with CPS South London): File quality is a matter for the police.

It will be monitored.

Scroll to top
Accept all cookies
CPS Response report (246 kB)
`,
		issues:    ptr(4),
		responses: map[int]string{1: "Training will be provided.", 3: "Training will be provided.", 2: "Both Areas", 4: "File quality is a matter for the police. It will be monitored."},
		covers:    map[int][]int{1: {1, 3}, 3: {1, 3}, 2: {2}},
		joint:     map[int][]string{2: {"London South"}, 4: {"London South"}, 1: {}},
		notIn:     "Scroll",
	},
	{
		name: "page cut off mid-sentence",
		doc: `CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex

Issues to address

1. The Area should ensure that the work to identify the letters drive measurable improvement in both

CPS response: Managers will work with staff to improve`,
		issues: ptr(1), texts: map[int]string{1: "The Area should ensure that the work to identify the letters drive measurable improvement in both"},
		responses: map[int]string{1: "Managers will work with staff to improve"},
	},
	{
		name: "no date, no ratings, no issues",
		doc:  "Some notes\n\nThis is a short note about nothing in particular, with no structure at all.\n",
		area: ptr(""), date: ptr(""), ratings: map[string]string{}, issues: ptr(0), programme: "unknown",
	},
	{
		name: "front matter overrides the text",
		doc: `+++
title = "Given title"
area = "Mersey Cheshire"
date = 2020-01-02
programme = "AIP-baseline"
kind = "hmcpsi-summary"
source_url = "https://example.org/x"
[ratings]
casework-quality = "poor"
+++
CPS Response to HMCPSI Area Assurance Inspection of CPS Wessex 05/04/2018
`,
		title: "Given title", area: ptr("Mersey-Cheshire"), date: ptr("2020-01-02"), programme: "AIP-baseline", kind: "hmcpsi-summary",
		ratings: map[string]string{"casework-quality": "Poor"},
	},
	{
		name: "aspects for improvement, counted in words",
		doc: `CPS Wessex: Area Inspection Programme follow-up report

Date of publication
2 February 2023

Inspectors identified four aspects for improvement.

Aspects for improvement

1) The Area should improve the quality of its charging decisions.
2) The Area should ensure disclosure is handled well.
3) The Area should improve letters to victims.
`,
		area: ptr("Wessex"), date: ptr("2023-02-02"), programme: "AIP-follow-up", issues: ptr(3),
		texts: map[int]string{1: "The Area should improve the quality of its charging decisions."},
		warn:  "states 4 issues but 3 were found", warnLine: 6,
	},
	{
		name: "a score table one cell to a paragraph, and a date with dots",
		doc: `Area Assurance Inspection: CPS Wessex

Published: 14.03.2019

HMCPSI's report into CPS Wessex.

Criteria

Score

High quality casework

Fair

Public confidence

Good
`,
		date: ptr("2019-03-14"), ratings: map[string]string{"casework-quality": "Fair", "public-confidence": "Good"},
	},
	{
		name: "issue numbers repeated",
		doc: `Title of a response from CPS Wessex

Issues to address

1. First.
CPS response: One.
1. Again.
CPS response: Two.
`,
		issues: ptr(2), warn: "issue 1 is numbered again", warnLine: 7,
	},
	{
		name: "a numbered list inside a response stays in the response",
		doc: `Response of CPS Wessex

Issues to address

1. Improve disclosure.
CPS response: We will:
1. train staff
2. Improve letters.
CPS response: Yes.
`,
		issues: ptr(2), responses: map[int]string{1: "We will: 1. train staff"},
	},
}

func TestTraps(t *testing.T) { runTraps(t, traps) }

func runTraps(t *testing.T, traps []trap) {
	p := defaultParser(t)
	for _, tc := range traps {
		t.Run(tc.name, func(t *testing.T) {
			r, ds := p.Parse("content/trap.txt", []byte(tc.doc))
			if r == nil {
				t.Fatalf("not parsed: %v", ds)
			}
			if tc.title != "" && r.Title != tc.title {
				t.Errorf("title = %q, want %q", r.Title, tc.title)
			}
			if tc.area != nil && r.Area != *tc.area {
				t.Errorf("area = %q, want %q", r.Area, *tc.area)
			}
			if tc.date != nil && r.Date != *tc.date {
				t.Errorf("date = %q, want %q", r.Date, *tc.date)
			}
			if tc.programme != "" && r.Programme != tc.programme {
				t.Errorf("programme = %q, want %q", r.Programme, tc.programme)
			}
			if tc.kind != "" && r.Kind != tc.kind {
				t.Errorf("kind = %q, want %q", r.Kind, tc.kind)
			}
			if tc.ratings != nil && !reflect.DeepEqual(r.Ratings, tc.ratings) {
				t.Errorf("ratings = %v, want %v", r.Ratings, tc.ratings)
			}
			if tc.other != nil {
				for i := range r.OtherRatings {
					r.OtherRatings[i].Line = 0
				}
				if !reflect.DeepEqual(r.OtherRatings, tc.other) {
					t.Errorf("other_ratings = %v, want %v", r.OtherRatings, tc.other)
				}
			}
			if tc.issues != nil && len(r.Issues) != *tc.issues {
				t.Errorf("%d issues, want %d: %+v", len(r.Issues), *tc.issues, r.Issues)
			}
			byNum := map[int]report.Issue{}
			for _, is := range r.Issues {
				if _, dup := byNum[is.Number]; !dup {
					byNum[is.Number] = is
				}
				if tc.notIn != "" && (strings.Contains(is.Text, tc.notIn) || strings.Contains(is.Response, tc.notIn)) {
					t.Errorf("issue %d holds %q: %q / %q", is.Number, tc.notIn, is.Text, is.Response)
				}
			}
			for n, want := range tc.texts {
				if got := byNum[n].Text; !strings.HasPrefix(got, want) {
					t.Errorf("issue %d text = %q, want start %q", n, got, want)
				}
			}
			for n, want := range tc.responses {
				if got := byNum[n].Response; !strings.HasPrefix(got, want) {
					t.Errorf("issue %d response = %q, want start %q", n, got, want)
				}
			}
			for n, want := range tc.covers {
				if got := byNum[n].ResponseCovers; !reflect.DeepEqual(got, want) {
					t.Errorf("issue %d covers = %v, want %v", n, got, want)
				}
			}
			for n, want := range tc.joint {
				if got := byNum[n].JointWith; !reflect.DeepEqual(got, want) {
					t.Errorf("issue %d joint_with = %v, want %v", n, got, want)
				}
			}
			if tc.warn != "" && !hasDiag(ds, tc.warn, tc.warnLine) {
				t.Errorf("no diagnostic %q (line %d) in %v", tc.warn, tc.warnLine, ds)
			}
			if tc.noWarn != "" && hasDiag(ds, tc.noWarn, 0) {
				t.Errorf("unexpected diagnostic %q in %v", tc.noWarn, ds)
			}
			for n, want := range tc.themes {
				if got := byNum[n].Themes; !reflect.DeepEqual(got, want) {
					t.Errorf("issue %d themes = %v (terms %v), want %v", n, got, byNum[n].ThemeTerms, want)
				}
			}
			for _, th := range tc.narrative {
				if !slices.Contains(r.NarrativeThemes, th) {
					t.Errorf("narrative themes %v lack %s", r.NarrativeThemes, th)
				}
			}
			if tc.notIn != "" && strings.Contains(r.NarrativeText(), tc.notIn) {
				t.Errorf("narrative holds %q: %q", tc.notIn, r.NarrativeText())
			}
		})
	}
}

func hasDiag(ds []diag.Diagnostic, text string, line int) bool {
	for _, d := range ds {
		if strings.Contains(d.Message, text) && (line == 0 || d.Line == line) {
			return true
		}
	}
	return false
}

// A text read again for its source page is the text the reader kept,
// whatever the file's encoding and line ends; other bytes are refused.
func TestTextReadAgainMatchesTheReader(t *testing.T) {
	p := defaultParser(t)
	for name, data := range map[string]string{
		"plain":  "CPS Wessex\n\n1. Letters are late.\n\nCPS response: We will act.\n",
		"crlf":   "CPS Wessex\r\n\r\n1. Letters are late.\r\n\r\nCPS response: We will act.\r\n",
		"bom":    "\xEF\xBB\xBFCPS Wessex\n\n1. Letters are late.\n\nCPS response: We will act.\n",
		"cp1252": "CPS Wessex\n\n1. Letters are late \x96 again.\n\nCPS response: We\x92ll act.\n",
	} {
		r, _ := p.Parse("content/"+name+".txt", []byte(data))
		if r == nil {
			t.Fatalf("%s: not parsed", name)
		}
		got, err := report.TextBytes(r, []byte(data))
		if err != nil || string(got) != r.Text {
			t.Errorf("%s: read again %q (%v), want %q", name, got, err, r.Text)
		}
		if _, err := report.TextBytes(r, []byte(data+"x")); err == nil {
			t.Errorf("%s: changed bytes accepted", name)
		}
	}
}
