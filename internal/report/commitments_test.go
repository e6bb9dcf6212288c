package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite"
	"github.com/inspectsite/inspectsite/internal/config"
)

func testGrammar(t testing.TB) *commitmentGrammar {
	t.Helper()
	cfg, ds := config.Parse("site.toml", inspectsite.DefaultConfig, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return grammarFor(cfg)
}

// readOne reads a response of one paragraph dated 2018-04-05.
func readOne(g *commitmentGrammar, response string) []Commitment {
	return g.read([]string{response}, "2018-04-05", newLineLocator(response), 1)
}

func TestCommitmentStatusAndOwners(t *testing.T) {
	g := testGrammar(t)
	cases := []struct {
		sentence, status, owners string
	}{
		// Promised: will, shall, is to, plans to, is committed to, is scheduled to.
		{"The ABM will review the rota.", StatusPromised, "Area Business Manager"},
		{"We shall publish the results.", StatusPromised, "the Area"},
		{"The Area is to appoint a disclosure champion.", StatusPromised, "the Area"},
		{"The DCCP plans to hold workshops for all lawyers.", StatusPromised, "Deputy Chief Crown Prosecutor"},
		{"We are committed to improving the timeliness of letters.", StatusPromised, "the Area"},
		{"Training will be delivered to all prosecutors.", StatusPromised, "the Area"},
		{"Progress will be reported to the Area Strategy Board by the Head of Unit.", StatusPromised, "Heads of units"},
		{"Compliance will be checked by Senior District Crown Prosecutors and legal managers.", StatusPromised, "Senior District Crown Prosecutors; Legal managers"},
		{"Workshops will take place every quarter.", StatusPromised, "the Area"},
		// Under way: continue to, is/are doing, has started, is being done.
		{"Legal managers continue to dip sample cases.", StatusUnderWay, "Legal managers"},
		{"The CCP will continue to chair the board.", StatusUnderWay, "Chief Crown Prosecutor"},
		{"The SMT is reviewing the structure of the units.", StatusUnderWay, "Senior management team"},
		{"A new rota is being introduced.", StatusUnderWay, "the Area"},
		{"We have started a programme of visits.", StatusUnderWay, "the Area"},
		// Done: has/have done, was done, we did.
		{"The Area has put in place a daily check.", StatusDone, "the Area"},
		{"We have introduced a new template.", StatusDone, "the Area"},
		{"A disclosure plan has been agreed with the police.", StatusDone, "the Area"},
		{"The guidance was issued to all staff in May 2018.", StatusDone, "the Area"},
		{"Last year we held three open days.", StatusDone, "the Area"},
		// Owners: possessives qualify, "they" looks back, lists hold.
		{"The Area's senior management team will monitor compliance.", StatusPromised, "Senior management team"},
		{"The CCP, DCCPs and ABMs will meet the police.", StatusPromised, "Chief Crown Prosecutor; Deputy Chief Crown Prosecutor; Area Business Manager"},
		{"The review will be overseen by the Casework Quality Board, chaired by the CCP.", StatusPromised, "Casework Quality Board"},
		{"The Head of Unit has completed a review of the work of counsel instructed by the Area.", StatusDone, "Heads of units"},
		{"Nationally, the CPS is developing new letters.", StatusUnderWay, "CPS nationally"},
		{"Work is under way to review all RASSO cases.", StatusUnderWay, "the Area"},
		{"The CCP has written to all staff and will hold a meeting in the next two weeks.", StatusDone, "Chief Crown Prosecutor"},
	}
	for _, tc := range cases {
		cs := readOne(g, tc.sentence)
		if len(cs) != 1 {
			t.Errorf("%q: %d commitments, want 1", tc.sentence, len(cs))
			continue
		}
		if got := strings.Join(cs[0].Owners, "; "); cs[0].Status != tc.status || got != tc.owners {
			t.Errorf("%q: %s by %q, want %s by %q", tc.sentence, cs[0].Status, got, tc.status, tc.owners)
		}
	}
}

func TestNotCommitments(t *testing.T) {
	g := testGrammar(t)
	for _, s := range []string{
		// Others act.
		"The police will improve file quality.",
		"The local judiciary will challenge the parties.",
		"HMCPSI will return to the Area next year.",
		"The Area will be inspected again in 2019.",
		"We will be inspected by HMCPSI.",
		"Counsel will be briefed by chambers.",
		// Recommendations and the inspectorate's voice.
		"The Area should ensure that letters are sent.",
		"Legal managers must quality assure charging advices.",
		"The Area needs to improve its handling of disclosure.",
		// Quotations.
		`"The Area will need to do more," the report said.`,
		`The report said that "the Area will improve".`,
		// States, feelings and effects, not actions.
		"We have seen some positive results.",
		"The Area has recognised the need for change.",
		"We were pleased to note the findings.",
		"This will achieve improved governance.",
		"This review will inform future training.",
		"Our priority is to ensure consistency.",
		"File quality is a matter for the police.",
		"These issues are raised at the Area Performance Board.",
		"We recognise the importance of victims.",
	} {
		if cs := readOne(g, s); len(cs) > 0 {
			t.Errorf("%q read as a commitment: %+v", s, cs[0])
		}
	}
}

func TestCommitmentsOfAResponse(t *testing.T) {
	g := testGrammar(t)
	text := "CPS Response: Managers will work with staff.\nThey will continue to monitor\n\ncompliance. The police will help.\nNationally we are piloting a scheme. We have also set up a network.\n"
	paras := []string{"Managers will work with staff. They will continue to monitor", "compliance. The police will help. Nationally we are piloting a scheme. We have also set up a network."}
	cs := g.read(paras, "2018-04-05", newLineLocator(text), 1)
	want := []struct {
		owners string
		line   int
	}{{"Managers", 1}, {"Managers", 2}, {"CPS nationally", 5}, {"CPS nationally", 5}}
	if len(cs) != len(want) {
		t.Fatalf("%d commitments, want %d: %+v", len(cs), len(want), cs)
	}
	for i, w := range want {
		if got := strings.Join(cs[i].Owners, "; "); got != w.owners || cs[i].Line != w.line {
			t.Errorf("%d: %q by %q at line %d, want %q at line %d", i, cs[i].Text, got, cs[i].Line, w.owners, w.line)
		}
	}
	if cs[1].Text != "They will continue to monitor compliance." {
		t.Errorf("a sentence broken over two paragraphs reads %q", cs[1].Text)
	}
}

// FuzzCommitments holds the reader of commitments to what any text must
// give: known statuses and owners, timeframes written in the text, lines
// in the response.
func FuzzCommitments(f *testing.F) {
	for _, s := range []string{
		"The DCCP will review cases in April 2018. We have introduced checks for 2018/19.",
		"Training will be provided over the next twelve months; the police will help.",
		`"Quoted," he said. The Area is to act by the end of next year, and legal managers continue to check.`,
		"The LSIP met in March and is scheduled to meet in June. They will report.",
		"will will be be has has been by by the CCP, chaired by",
	} {
		f.Add(s, "2018-04-05")
	}
	g := testGrammar(f)
	f.Fuzz(func(t *testing.T, text, date string) {
		if !utf8.ValidString(text) {
			return
		}
		cs := g.read(strings.Split(text, "\n\n"), date, newLineLocator(text), 1)
		lines := strings.Count(text, "\n") + 1
		for _, c := range cs {
			switch c.Status {
			case StatusPromised, StatusUnderWay, StatusDone:
			default:
				t.Fatalf("status %q", c.Status)
			}
			if len(c.Owners) == 0 || len(c.Owners) != len(c.OwnerSlugs) {
				t.Fatalf("owners %q / %q", c.Owners, c.OwnerSlugs)
			}
			if c.Line < 1 || c.Line > lines {
				t.Fatalf("line %d of %d", c.Line, lines)
			}
			if !strings.Contains(c.Text, c.Timeframe) {
				t.Fatalf("timeframe %q not in %q", c.Timeframe, c.Text)
			}
			if c.TimeframeRead != "" && c.Timeframe == "" {
				t.Fatalf("read %q from no timeframe", c.TimeframeRead)
			}
		}
		tf := readTimeframe(text, date, false)
		if !strings.Contains(text, tf.Written) {
			t.Fatalf("timeframe %q not in the text", tf.Written)
		}
	})
}
