package config

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckBaseURL accepts the two kinds of base URL a site can be published
// under: an absolute http or https URL ("https://example.org/reports/"),
// which feeds, sitemaps and canonical links need, or "/" for a site whose
// address is not known yet. Anything else is a mistake worth refusing: a
// missing scheme would be taken as a path, another scheme as nothing.
func CheckBaseURL(s string) error {
	if s == "/" {
		return nil
	}
	u, err := url.Parse(s)
	switch {
	case err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.User == nil && u.RawQuery == "" && u.Fragment == "" && u.Opaque == "":
		return nil
	case err == nil && u.Scheme == "" && !strings.HasPrefix(s, "/") && strings.Contains(strings.SplitN(s, "/", 2)[0], "."):
		return fmt.Errorf("base URL %q has no scheme: did you mean \"https://%s\"?", s, s)
	case err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/"):
		return fmt.Errorf("base URL %q is a path: for a site under a sub-path give the full URL, such as \"https://example.org%s\", or \"/\" for the root", s, s)
	}
	return fmt.Errorf("base URL %q must be an absolute http(s) URL, such as \"https://example.org/reports/\", or \"/\"", s)
}
