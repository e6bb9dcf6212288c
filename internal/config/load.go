package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// Parse decodes src (the text of the file at path) as a site.toml. Any
// top-level key or section src does not define keeps its value from base,
// which may be nil. Every problem is returned as a diagnostic with a line.
func Parse(path string, src []byte, base *Config) (*Config, []diag.Diagnostic) {
	var cfg Config
	md, err := toml.Decode(string(src), &cfg)
	if err != nil {
		return nil, []diag.Diagnostic{decodeError(path, src, err)}
	}
	lines := indexKeys(string(src))
	var ds []diag.Diagnostic
	for _, k := range md.Undecoded() {
		ds = append(ds, diag.Errorf(path, lines.line(k.String()), "unknown key %q", k.String()))
	}
	if len(ds) > 0 {
		return nil, ds
	}
	if base != nil {
		inherit(&cfg, base, md)
	}
	ds = append(validate(&cfg, path, lines), validateReaderFacts(&cfg, path, lines)...)
	if len(ds) > 0 {
		return nil, ds
	}
	return &cfg, nil
}

// inherit copies into cfg every top-level value that the file did not set.
func inherit(cfg, base *Config, md toml.MetaData) {
	set := func(key ...string) bool { return md.IsDefined(key...) }
	if !set("title") {
		cfg.Title = base.Title
	}
	if !set("description") {
		cfg.Description = base.Description
	}
	if !set("base_url") {
		cfg.BaseURL = base.BaseURL
	}
	if !set("language") {
		cfg.Language = base.Language
	}
	if !set("page_size") {
		cfg.PageSize = base.PageSize
	}
	if !set("max_document_bytes") {
		cfg.MaxDocumentBytes = base.MaxDocumentBytes
	}
	if !set("contact_url") {
		cfg.ContactURL = base.ContactURL
	}
	if !set("contact_label") {
		cfg.ContactLabel = base.ContactLabel
	}
	if !set("ratings") {
		cfg.Ratings = base.Ratings
	}
	if !set("extract", "issue_headings") {
		cfg.Extract.IssueHeadings = base.Extract.IssueHeadings
	}
	if !set("extract", "response_labels") {
		cfg.Extract.ResponseLabels = base.Extract.ResponseLabels
	}
	if !set("extract", "issue_nouns") {
		cfg.Extract.IssueNouns = base.Extract.IssueNouns
	}
	baseLists := base.Extract.lists()
	for key, field := range cfg.Extract.lists() {
		if !set("extract", key) {
			*field = *baseLists[key]
		}
	}
	if !set("area") {
		cfg.Areas = base.Areas
	}
	if !set("criterion") {
		cfg.Criteria = base.Criteria
	}
	if !set("programme") {
		cfg.Programmes = base.Programmes
	}
	if !set("kind") {
		cfg.Kinds = base.Kinds
	}
	if !set("theme") {
		cfg.Themes = base.Themes
	}
	if !set("glossary") {
		cfg.Glossary = base.Glossary
	}
	inheritReaderFacts(cfg, base, set)
	if !set("role") {
		cfg.Roles = base.Roles
	}
	if !set("commitment", "others") {
		cfg.Commitment.Others = base.Commitment.Others
	}
}

var lineInMessage = regexp.MustCompile(`^line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

func decodeError(path string, src []byte, err error) diag.Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if line == 0 && pe.LastKey != "" {
			line = indexKeys(string(src)).line(pe.LastKey)
		}
		// An error found at a line's newline belongs to that line.
		if line > 1 && strings.Contains(pe.Message, `'\n'`) {
			line--
		}
		return diag.Errorf(path, line, "%s", pe.Message)
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if m[2] != "" {
			return diag.Errorf(path, line, "%s: %s", m[2], m[3])
		}
		return diag.Errorf(path, line, "%s", m[3])
	}
	return diag.Errorf(path, 0, "%s", msg)
}

// keyLines maps key paths ("title", "area.slug#3") to the line defining them.
// Array-of-table entries are numbered from 1 after a '#'.
type keyLines map[string]int

func (kl keyLines) line(key string) int {
	if n, ok := kl[key]; ok {
		return n
	}
	// Undecoded keys come without array indexes: take the first occurrence.
	best := 0
	for k, n := range kl {
		if stripIndexes(k) == key && (best == 0 || n < best) {
			best = n
		}
	}
	return best
}

var indexSuffix = regexp.MustCompile(`#\d+`)

func stripIndexes(k string) string { return indexSuffix.ReplaceAllString(k, "") }

var (
	tableHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_.\-"' ]+?)\s*\]\]?`)
	keyLine     = regexp.MustCompile(`^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=`)
)

// indexKeys finds the line of every key and table in a TOML text. It is a
// line scanner, not a parser: good enough to point a person at a line.
func indexKeys(src string) keyLines {
	kl := keyLines{}
	prefix := ""
	counts := map[string]int{}
	inMultiline := false
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if strings.Count(line, `"""`)%2 == 1 || strings.Count(line, `'''`)%2 == 1 {
			inMultiline = !inMultiline
			if !inMultiline {
				continue
			}
		} else if inMultiline {
			continue
		}
		if m := tableHeader.FindStringSubmatch(line); m != nil && !keyLine.MatchString(line) {
			name := strings.Trim(m[2], `"' `)
			if m[1] == "[[" {
				counts[name]++
				prefix = fmt.Sprintf("%s#%d", name, counts[name])
			} else {
				prefix = name
			}
			if _, ok := kl[prefix]; !ok {
				kl[prefix] = n
			}
			if _, ok := kl[name]; !ok {
				kl[name] = n
			}
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			k := strings.Trim(m[1], `"'`)
			if prefix != "" {
				k = prefix + "." + k
			}
			if _, ok := kl[k]; !ok {
				kl[k] = n
			}
		}
	}
	return kl
}

// lists are the [extract] lists added after the first three, by key.
func (e *Extract) lists() map[string]*[]string {
	return map[string]*[]string{
		"issue_labels": &e.IssueLabels, "metadata_labels": &e.MetadataLabels, "area_labels": &e.AreaLabels,
		"not_an_area": &e.NotAnArea, "not_area_names": &e.NotAreaNames, "all_areas": &e.AllAreas,
	}
}
