package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/inspectsite/inspectsite/internal/report"
)

// handCommitment is one entry of testdata/commitments.toml, the
// commitments of the seed documents listed by hand.
type handCommitment struct {
	File          string   `toml:"file"`
	Issues        []int    `toml:"issues"`
	Starts        string   `toml:"starts"`
	Owners        []string `toml:"owners"`
	Status        string   `toml:"status"`
	Timeframe     string   `toml:"timeframe"`
	TimeframeRead string   `toml:"timeframe_read"`
}

// score counts agreement between what the reader found and the hand list.
type score struct{ found, listed, agreed int }

func (s *score) add(o score) { s.found += o.found; s.listed += o.listed; s.agreed += o.agreed }

func (s score) precision() float64 { return ratio(s.agreed, s.found) }
func (s score) recall() float64    { return ratio(s.agreed, s.listed) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) String() string {
	return fmt.Sprintf("%d found, %d listed, %d agree: P %.3f R %.3f", s.found, s.listed, s.agreed, s.precision(), s.recall())
}

// letters is s in lower case, letters and digits only: sentences compare
// the same whatever their quotation marks and spaces.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestSeedCommitments holds the reader to the hand list: owners and
// timeframes with precision and recall of at least 0.9 over all seeds.
func TestSeedCommitments(t *testing.T) {
	var hand struct {
		Commitment []handCommitment `toml:"commitment"`
	}
	if _, err := toml.DecodeFile("testdata/commitments.toml", &hand); err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]handCommitment{}
	for _, h := range hand.Commitment {
		byFile[h.File] = append(byFile[h.File], h)
	}
	seeds, err := filepath.Glob("../../content/[0-9][0-9][0-9]_*.txt") // the five seed documents
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds %v: %v", seeds, err)
	}
	p := defaultParser(t)
	var all, owners, timeframes, statuses score
	for _, f := range seeds {
		name := filepath.Base(f)
		src := "content/" + name
		data, err := os.ReadFile("../../" + src)
		if err != nil {
			t.Fatal(err)
		}
		r, ds := p.Parse(src, data)
		if r == nil {
			t.Fatalf("%s not parsed: %v", name, ds)
		}
		c, o, tf, st := compareCommitments(t, name, found(r), byFile[name])
		t.Logf("%s: commitments %v; owners %v; timeframes %v; status %v", name, c, o, tf, st)
		all.add(c)
		owners.add(o)
		timeframes.add(tf)
		statuses.add(st)
	}
	t.Logf("all seeds: commitments %v; owners %v; timeframes %v; status %v", all, owners, timeframes, statuses)
	for _, s := range []struct {
		what string
		score
	}{{"commitments", all}, {"owners", owners}, {"timeframes", timeframes}} {
		if s.precision() < 0.9 || s.recall() < 0.9 {
			t.Errorf("%s: %v, want precision and recall of at least 0.9", s.what, s.score)
		}
	}
	if statuses.recall() < 0.9 {
		t.Errorf("status agrees for %v, want at least 0.9", statuses)
	}
}

// foundCommitment is a commitment as the reader found it, with the issues
// its response answers.
type foundCommitment struct {
	issues string
	report.Commitment
}

// found lists each response's commitments once, under the issues it answers.
func found(r *report.Report) []foundCommitment {
	var out []foundCommitment
	for _, is := range r.Issues {
		if len(is.ResponseCovers) > 0 && is.ResponseCovers[0] != is.Number {
			continue // a combined response, listed under its first issue
		}
		for _, c := range is.Commitments {
			out = append(out, foundCommitment{fmt.Sprint(is.ResponseCovers), c})
		}
	}
	return out
}

func compareCommitments(t *testing.T, name string, got []foundCommitment, want []handCommitment) (all, owners, timeframes, statuses score) {
	used := make([]bool, len(got))
	all.found, all.listed = len(got), len(want)
	for _, g := range got {
		owners.found += len(g.Owners)
		if g.Timeframe != "" {
			timeframes.found++
		}
	}
	for _, w := range want {
		owners.listed += len(w.Owners)
		if w.Timeframe != "" {
			timeframes.listed++
		}
		k := -1
		for i, g := range got {
			if !used[i] && g.issues == fmt.Sprint(w.Issues) && strings.HasPrefix(letters(g.Text), letters(w.Starts)) {
				k = i
				break
			}
		}
		if k < 0 {
			t.Logf("%s: missed issue %v %q", name, w.Issues, w.Starts)
			continue
		}
		used[k] = true
		g := got[k]
		all.agreed++
		statuses.listed++
		statuses.found++
		if g.Status == w.Status {
			statuses.agreed++
		} else {
			t.Logf("%s: %q status %q, listed %q", name, w.Starts, g.Status, w.Status)
		}
		wantOwners := map[string]bool{}
		for _, o := range w.Owners {
			wantOwners[o] = true
		}
		for _, o := range g.Owners {
			if wantOwners[o] {
				owners.agreed++
			}
		}
		if a, b := sorted(g.Owners), sorted(w.Owners); a != b {
			t.Logf("%s: %q owners %s, listed %s", name, w.Starts, a, b)
		}
		if w.Timeframe != "" && g.Timeframe == w.Timeframe && g.TimeframeRead == w.TimeframeRead {
			timeframes.agreed++
		} else if w.Timeframe != g.Timeframe || w.TimeframeRead != g.TimeframeRead {
			t.Logf("%s: %q timeframe %q (%s), listed %q (%s)", name, w.Starts, g.Timeframe, g.TimeframeRead, w.Timeframe, w.TimeframeRead)
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Logf("%s: not listed: issue %s %.60q", name, g.issues, g.Text)
		}
	}
	return all, owners, timeframes, statuses
}

func sorted(ss []string) string {
	c := append([]string(nil), ss...)
	sort.Strings(c)
	return strings.Join(c, "; ")
}
