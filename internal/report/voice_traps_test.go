package report_test

import "testing"

// voiceTraps are structures a reader first met in documents it was not
// tuned on: who speaks in a press release (the CPS answering the
// inspectorate, or the inspectorate itself), a metadata block under a title
// that reads as a sentence, a national inspection named only in the opening
// paragraph, an unnumbered recommendation under its heading, a label after a
// list number, and time limits other than custody time limits. Each trap has
// its negative.
var voiceTraps = []trap{
	// Kinds.
	{
		name: "a Chief Crown Prosecutor who responds to an Inspectorate report",
		doc:  "Chief Crown Prosecutor responds to Inspectorate report\n\nSam Jones, Chief Crown Prosecutor for CPS Wessex, responded to the report from the HMCPS Inspectorate, saying that the Area has already improved.\n",
		kind: "cps-response",
	},
	{
		name: "a CPS press release quoting its Chief Crown Prosecutor about a report published by the Inspectorate",
		doc:  "Inspectors praise leadership in CPS Wessex\n\nCPS Wessex is well led and manages its money well, according to a report published today by Her Majesty's Crown Prosecution Service Inspectorate (HMCPSI).\n\nThe report also found that casework quality must improve.\n\nAlex Brown, CPS Wessex Chief Crown Prosecutor, said: \"Our staff have worked hard for this.\"\n",
		kind: "cps-response",
	},
	{
		name: "a CPS page that welcomes a report by HMCPSI",
		doc:  "CPS Wessex welcomes inspection report\n\nA report by HMCPSI published today finds that the Area's casework has improved.\n",
		kind: "cps-response",
	},
	{
		name: "negative: the inspectorate publishing and its Chief Inspector speaking",
		doc:  "Casework in CPS Wessex must improve\n\nHer Majesty's Crown Prosecution Service Inspectorate (HMCPSI) has today published its report on CPS Wessex.\n\nInspectors found that the Area responded well to the pandemic but that casework quality fell short.\n\nThe Chief Inspector said: \"The Area must now act on our findings.\"\n",
		kind: "hmcpsi-summary",
	},
	{
		name: "negative: the inspectorate named far from an earlier \"published by\" still speaks",
		doc:  "Area Assurance Inspection of CPS Wessex\n\nThe figures published by the Area last year showed that fewer trials were effective than elsewhere, and the Inspectorate found the same when it looked at casework.\n",
		kind: "hmcpsi-summary",
	},

	// A metadata block under a title that reads as a sentence.
	{
		name:  "a metadata block under a long title ending in a full stop",
		doc:   "Composite report of the baseline assessments of the fourteen Crown Prosecution Service Areas in England and Wales.\n\nDate of publication\n4 October 2024\nHM Crown Prosecution Service Inspectorate\n\nHMCPSI inspected every Area between 2021 and 2022, looking at the quality of casework.\n",
		date:  ptr("2024-10-04"),
		title: "Composite report of the baseline assessments of the fourteen Crown Prosecution Service Areas in England and Wales.",
	},
	{
		name: "negative: a sentence about the date of publication is no metadata block",
		doc:  "The Area has improved its casework since the last inspection, and much remains to do in the Crown Court.\n\nDate of publication is not given on this page.\nThe report itself is dated 4 October 2024 on its cover.\n",
		date: ptr(""),
	},

	// A national inspection named only in the opening paragraph.
	{
		name:      "national response whose title names no inspection: its opening paragraph does",
		doc:       "CPS Response to ‘CPS Handling of Custody Time Limits' - 3 March 2022\n\nHMCPSI has today issued a report following their Inspection of CPS Handling of Custody Time Limits.\n\nWe accept its findings.\n",
		programme: "thematic", area: ptr(""),
	},
	{
		name:      "a follow-up inspection named in the opening paragraph",
		doc:       "CPS Handling of letters to victims\n\nThis inspection is a follow-up to our 2019 inspection of the letters the CPS sends to victims.\n",
		programme: "thematic",
	},
	{
		name:      "negative: a national statement whose opening names no inspection",
		doc:       "CPS statement on custody time limits\n\nThe CPS has issued new guidance to all prosecutors on calculating custody time limits.\n",
		programme: "unknown",
	},
	{
		name:      "negative: one Area's response is not the national programme's",
		doc:       "CPS Wessex statement\n\nHMCPSI has today issued a report following their inspection of CPS Wessex.\n",
		programme: "unknown", area: ptr("Wessex"),
	},

	// An unnumbered recommendation under its heading.
	{
		name:      "an unnumbered recommendation under its heading, then a response label",
		doc:       "CPS Response to the inspection of custody time limits\n\nHMCPSI has today issued a report following its inspection.\n\nInspectorate’s Recommendations\n\nThe CPS should make more consistent use of the case progression log in every Area.\n\nCPS Response: We will refresh our national standards.\n",
		issues:    ptr(1),
		texts:     map[int]string{1: "The CPS should make more consistent use"},
		responses: map[int]string{1: "We will refresh our national standards."},
	},
	{
		name:      "two unnumbered recommendations, each with its response",
		doc:       "CPS Response to the inspection of custody time limits\n\nHMCPSI has today issued a report following its inspection.\n\nRecommendations\n\nThe CPS should make more consistent use of the case progression log.\n\nCPS Response: We will refresh our national standards.\n\nThe guidance should be updated.\n\nThe update will follow this year.\n\nThe CPS should audit its extension applications.\n\nCPS Response: An audit is planned.\n",
		issues:    ptr(2),
		texts:     map[int]string{1: "The CPS should make more consistent use", 2: "The CPS should audit its extension"},
		responses: map[int]string{1: "We will refresh our national standards. The guidance should be updated. The update", 2: "An audit is planned."},
	},
	{
		name:   "negative: a paragraph under the heading with no response label after it is no issue",
		doc:    "CPS Response to the inspection of custody time limits\n\nHMCPSI has today issued a report following its inspection.\n\nRecommendations\n\nThe report made four recommendations, which we accept.\n\nWe will publish our plan in the spring.\n",
		issues: ptr(0),
	},

	// A label after the list number.
	{
		name:   "a list number then an issue label with its ordinal",
		doc:    "CPS Response to the follow-up inspection\n\nHMCPSI has today issued a report.\n\nIssues to address\n\n1. Recommendation Two: By July 2026 the CPS should check every file.\nCPS response: We will.\n",
		issues: ptr(1), texts: map[int]string{1: "By July 2026 the CPS should check"},
	},
	{
		name:   "negative: a list number then a sentence opening with the label's word keeps it",
		doc:    "CPS Response to the follow-up inspection\n\nHMCPSI has today issued a report.\n\nIssues to address\n\n1. Recommendations from the 2019 report remain open.\nCPS response: We will close them.\n",
		issues: ptr(1), texts: map[int]string{1: "Recommendations from the 2019 report"},
	},

	// Time limits.
	{
		name:   "a summary time limit due to expire is case progression",
		doc:    "CPS Response to the inspection\n\nHMCPSI has today issued a report.\n\nIssues to address\n\n1. Prosecutors should review a case where the summary time limit is due to expire.\nCPS response: We will.\n",
		themes: map[int][]string{1: {"case-progression"}},
	},
	{
		name:   "negative: answering complaints within a time limit is not case progression",
		doc:    "CPS Response to the inspection\n\nHMCPSI has today issued a report.\n\nIssues to address\n\n1. The CPS should answer complaints within the time limit its policy sets.\nCPS response: We will.\n",
		themes: map[int][]string{1: {"victim-communication"}},
	},
}

func TestVoiceTraps(t *testing.T) { runTraps(t, voiceTraps) }
