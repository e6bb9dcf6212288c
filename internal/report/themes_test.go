package report_test

import (
	"fmt"
	"strings"
	"testing"
)

// Issue wordings unlike the seeds', as other inspection reports phrase the
// same problems: each must reach its theme through site.toml's terms.
func TestThemesFromOtherWordings(t *testing.T) {
	p := defaultParser(t)
	cases := []struct{ text, theme string }{
		{"The Area needs to improve the quality of its pre-charge decisions, including the identification of reasonable lines of enquiry.", "charging-and-case-analysis"},
		{"Prosecutors should record their decisions on the disclosure management document in every Crown Court case.", "disclosure"},
		{"The quality and timeliness of letters to victims must improve.", "victim-communication"}, // "letter* to victim*": a * on each word
		{"Applications for special measures for vulnerable witnesses should be made in good time.", "victim-communication"},
		{"The Area should respond to complaints and Victims' Right to Review requests within the required timescales.", "victim-communication"},
		{"Bad character and hearsay applications should be made in accordance with court directions.", "case-progression"},
		{"Cases should be ready for the plea and trial preparation hearing.", "case-progression"},
		{"Hate crime cases must be correctly flagged on the case management system.", "business-processes"},
		{"Legal managers should ensure that feedback is given to prosecutors after every individual quality assessment.", "quality-assurance"},
		{"The Area should continue to hold the police to account for the quality of files submitted for charging.", "police-file-quality"},
		{"Sickness absence levels should be reduced and succession planning put in place.", "resources"},
		{"Managers should engage with defence practitioners to resolve cases at the first hearing.", "defence-engagement"},
		{"All prosecutors should complete the mandatory e-learning on the new guidance.", "training"},
		{"The Local Scrutiny and Involvement Panel should review a wider range of cases.", "community-engagement"},
		{"Senior managers should improve the visibility of leadership and staff wellbeing.", "staff-engagement"},
	}
	for i, tc := range cases {
		doc := fmt.Sprintf("Response of CPS Wessex\n\nIssues to address\n\n1. %s\nCPS response: We will.\n", tc.text)
		r, _ := p.Parse(fmt.Sprintf("content/w%d.txt", i), []byte(doc))
		if r == nil || len(r.Issues) != 1 {
			t.Fatalf("case %d not parsed", i)
		}
		if !strings.Contains(" "+strings.Join(r.Issues[0].Themes, " ")+" ", " "+tc.theme+" ") {
			t.Errorf("%q: themes %v, want %s", tc.text, r.Issues[0].Themes, tc.theme)
		}
	}
}
