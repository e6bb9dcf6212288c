package diag

import "testing"

// Issue 15 case 5: a file name cannot forge diagnostic lines or reach the
// terminal with escape sequences.
func TestDiagnosticsAreOneLine(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Errorf("content/a.txt", 3, "plain"), "content/a.txt:3: error: plain"},
		{Warnf("content/x\ncontent/y.txt:1: error: forged.txt", 0, "no title"), `content/x\ncontent/y.txt:1: error: forged.txt: warning: no title`},
		{Warnf("content/\x1b[2J\x1b[31mred.txt", 0, "m"), `content/\x1b[2J\x1b[31mred.txt: warning: m`},
		{Warnf("content/a\rb.txt", 0, "m"), `content/a\rb.txt: warning: m`},
		{Warnf("content/\u202etxt.exe", 0, "m"), `content/\u202etxt.exe: warning: m`},
		{Warnf("content/bad\xffname.txt", 0, "m"), `content/bad\xffname.txt: warning: m`},
		{Errorf("content/é.txt", 0, "a\u2028b\tc"), `content/é.txt: error: a\u2028b\tc`},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}
