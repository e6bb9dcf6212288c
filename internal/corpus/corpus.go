// Package corpus generates synthetic inspection documents for benchmarks:
// N documents in the three formats of the real seeds (markdown headings and
// bold labels, plain text with prose ratings, a captured web page), across
// the configured Areas, dated 2016-2025, with 0-12 issues and responses.
// The same N always gives the same bytes.
//
// It writes text only; it must not be used to test extraction accuracy
// (the real seed documents do that).
package corpus

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/inspectsite/inspectsite/internal/config"
)

// Doc is one generated document.
type Doc struct {
	Name string // file name, "doc-000042.txt"
	Text []byte
}

// Generate makes n documents with cfg's Areas and criteria.
func Generate(cfg *config.Config, n int) []Doc {
	rng := rand.New(rand.NewSource(int64(n)*7919 + 1))
	docs := make([]Doc, n)
	for i := range docs {
		g := gen{rng: rng, cfg: cfg, i: i}
		docs[i] = Doc{Name: fmt.Sprintf("doc-%06d.%s", i, g.ext()), Text: []byte(g.document())}
	}
	return docs
}

type gen struct {
	rng    *rand.Rand
	cfg    *config.Config
	i      int
	format int
}

func (g *gen) ext() string {
	g.format = g.rng.Intn(3)
	if g.format == 0 {
		return "md"
	}
	return "txt"
}

func (g *gen) pick(xs []string) string { return xs[g.rng.Intn(len(xs))] }

var ratingWords = []string{"Excellent", "Good", "Good", "Fair", "Fair", "Poor"}

func (g *gen) document() string {
	area := g.cfg.Areas[g.rng.Intn(len(g.cfg.Areas))].Name
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	date := start.AddDate(0, 0, g.rng.Intn(3650))
	prog := g.rng.Intn(3) // 0 AAP, 1 AIP baseline, 2 AIP follow-up
	nIssues := g.rng.Intn(13)
	var b strings.Builder
	title := fmt.Sprintf("CPS Response to HMCPSI Area Assurance Inspection of CPS %s", area)
	switch prog {
	case 1:
		title = fmt.Sprintf("CPS Response to Area Inspection Programme, CPS %s Baseline Report", area)
	case 2:
		title = fmt.Sprintf("CPS Response to Area Inspection Programme, CPS %s Follow-up Report", area)
	}
	switch g.format {
	case 0: // markdown, like the Mersey-Cheshire seed
		fmt.Fprintf(&b, "## **%s** %s\n\n", title, date.Format("02/01/2006"))
		fmt.Fprintf(&b, "Her Majesty's Crown Prosecution Service Inspectorate (HMCPSI) has today [%s] issued a report following its inspection of the performance of CPS %s. The Area was assessed as follows:\n\n", date.Format("2 January 2006"), area)
		if prog == 0 {
			var parts []string
			for _, c := range g.cfg.Criteria {
				parts = append(parts, fmt.Sprintf("%s – '%s'", c.Title, g.pick(ratingWords)))
			}
			b.WriteString(strings.Join(parts, " ") + "\n\n")
		}
	case 1: // plain text with a title over two lines and prose ratings
		half := len(title) / 2
		cut := strings.LastIndex(title[:half], " ")
		fmt.Fprintf(&b, "\n\n%s\n%s\n\n%s\n\n", title[:cut], title[cut+1:], date.Format("02/01/2006"))
		fmt.Fprintf(&b, "Her Majesty's Crown Prosecution Service Inspectorate (HMCPsi) has today issued a report [%s] following its inspection of CPS %s.", date.Format("2 January 2006"), area)
		if prog == 0 {
			c := g.cfg.Criteria
			fmt.Fprintf(&b, " The Area was assessed in relation to %s, and was rated as '%s'. In relation to %s, %s, and %s the Area was rated as '%s'.",
				c[2].Title, g.pick(ratingWords), c[0].Title, c[3].Title, c[1].Title, g.pick(ratingWords))
		}
		b.WriteString("\n\n")
	default: // a captured web page
		b.WriteString("Skip to main content\n\nAccessibility controls\n\nContrast\nMain content area\n\n")
		fmt.Fprintf(&b, "%s\n\n|Publication\n\nPlease note that this page was updated on %s.\n\n", title, date.Format("Monday 2 January 2006"))
	}
	for p := 0; p < 2+g.rng.Intn(4); p++ {
		b.WriteString(g.paragraph(3+g.rng.Intn(4)) + "\n\n")
	}
	if nIssues > 0 {
		fmt.Fprintf(&b, "We have identified %d issues to address.\n\n", nIssues)
		b.WriteString("Inspectorate's Issues to Address\n\n")
	}
	for k := 1; k <= nIssues; k++ {
		label := "CPS Response:"
		prefix := ""
		if g.format == 0 {
			label, prefix = "**CPS Response**:", "- "
		}
		fmt.Fprintf(&b, "%s%d. %s\n\n%s %s\n\n", prefix, k, g.issue(), label, g.paragraph(2+g.rng.Intn(3)))
		if g.rng.Intn(3) == 0 {
			b.WriteString(g.paragraph(2) + "\n\n")
		}
	}
	if g.format == 2 {
		b.WriteString("Scroll to top\n")
	}
	return b.String()
}

var issueStarts = []string{"The Area needs to", "The Area should", "The Area must", "Legal managers should", "Improve"}

var issueTopics = []string{
	"improve the timeliness and quality of letters to victims under the Victim Communication and Liaison scheme.",
	"ensure that prosecutors improve their handling of disclosure and record decisions on the disclosure record sheet.",
	"undertake more meaningful defence engagement before the first hearing.",
	"progress cases in the Crown Court so that trials are effective.",
	"improve the quality of charging decisions, including case analysis and strategy.",
	"ensure that Individual Quality Assessments are completed and feedback is given.",
	"deliver training to all prosecutors on the handling of unused material.",
	"hold the police to account for the quality of police files.",
	"finalise its community engagement strategy and reinstate Local Scrutiny and Involvement Panels.",
	"evaluate the effectiveness of internal staff communication and engagement.",
	"ensure hearing record sheets are entered promptly onto the case management system.",
	"review its budget and workloads to make the best use of its resources.",
}

func (g *gen) issue() string {
	return g.pick(issueStarts) + " " + g.pick(issueTopics)
}

var sentences = []string{
	"The Area will review its processes and report progress to the Area Strategy Board.",
	"Legal managers will dip sample cases each month and give feedback to prosecutors.",
	"The Deputy Chief Crown Prosecutor will oversee the work and monitor compliance.",
	"We will work with police partners to agree a joint improvement plan.",
	"Training will be provided to all relevant staff during the coming year.",
	"Performance will be monitored through the Casework Quality Board.",
	"The Area recognises the importance of communicating well with victims and witnesses.",
	"Inspectors found strong leadership and a high level of staff engagement.",
	"Crown Court conviction rates were better than the national average.",
	"The Area has productive relationships with criminal justice partners.",
}

func (g *gen) paragraph(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.pick(sentences)
	}
	return strings.Join(parts, " ")
}
