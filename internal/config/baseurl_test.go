package config_test

import (
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/config"
)

func TestCheckBaseURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"/", ""},
		{"https://example.org/", ""},
		{"https://example.org/sub/", ""},
		{"http://localhost:8080/x", ""},
		{"example.org/x", `did you mean "https://example.org/x"`},
		{"/sub/", "is a path"},
		{"javascript:", "must be an absolute http(s) URL"},
		{"javascript:alert(1)", "must be an absolute http(s) URL"},
		{"ftp://example.org/", "must be an absolute http(s) URL"},
		{"//example.org/", "must be an absolute http(s) URL"},
		{"https://", "must be an absolute http(s) URL"},
		{"https://user:pw@example.org/", "must be an absolute http(s) URL"},
		{"https://example.org/?q=1", "must be an absolute http(s) URL"},
		{"", "must be an absolute http(s) URL"},
	}
	for _, tc := range cases {
		err := config.CheckBaseURL(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q refused: %v", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: got %v, want an error saying %q", tc.in, err, tc.want)
		}
	}
}
