package report

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// frontMatter is what a document may state about itself between +++ lines.
// A field given there overrides what is extracted from the text.
type frontMatter struct {
	ID        *string           `toml:"id"`
	Title     *string           `toml:"title"`
	Area      *string           `toml:"area"`
	Date      any               `toml:"date"`
	Programme *string           `toml:"programme"`
	Kind      *string           `toml:"kind"`
	SourceURL *string           `toml:"source_url"`
	Ratings   map[string]string `toml:"ratings"`
}

// applyFrontMatter decodes front (which starts on line 2 of the file) and
// lays its fields over r.
func (p *Parser) applyFrontMatter(r *Report, front, src string) []diag.Diagnostic {
	var fm frontMatter
	md, err := toml.Decode(front, &fm)
	if err != nil {
		line := 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		return []diag.Diagnostic{diag.Errorf(src, line+1, "front matter: %s", strings.TrimPrefix(firstLine(err.Error()), "toml: "))}
	}
	var ds []diag.Diagnostic
	keyLine := func(key string) int {
		for i, l := range strings.Split(front, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), key) {
				return i + 2
			}
		}
		return 1
	}
	for _, k := range md.Undecoded() {
		ds = append(ds, diag.Errorf(src, keyLine(k[len(k)-1]), "front matter: unknown key %q (known: id, title, area, date, programme, kind, source_url, ratings)", k.String()))
	}
	if len(ds) > 0 {
		return ds
	}
	if fm.Title != nil {
		r.Title, r.Lines.Title = strings.TrimSpace(*fm.Title), 0
	}
	if fm.ID != nil {
		r.ID = Slugify(*fm.ID)
	}
	if fm.Area != nil {
		ds = append(ds, p.frontArea(r, *fm.Area, src, keyLine("area"))...)
	}
	if fm.Date != nil {
		switch v := fm.Date.(type) {
		case time.Time:
			r.Date = v.Format("2006-01-02")
		case string:
			if d, ok := ParseDate(v); ok || v == "" {
				r.Date = d
			} else {
				ds = append(ds, diag.Errorf(src, keyLine("date"), "front matter: date %q is not a full date (use YYYY-MM-DD)", v))
			}
		default:
			ds = append(ds, diag.Errorf(src, keyLine("date"), "front matter: date must be a date such as 2018-04-05"))
		}
		r.Lines.Date = 0
	}
	if fm.Programme != nil {
		ds = append(ds, p.frontProgramme(r, *fm.Programme, src, keyLine("programme"))...)
	}
	if fm.Kind != nil {
		ds = append(ds, p.frontKind(r, *fm.Kind, src, keyLine("kind"))...)
	}
	if fm.SourceURL != nil {
		r.SourceURL = *fm.SourceURL
		if !strings.HasPrefix(r.SourceURL, "https://") && !strings.HasPrefix(r.SourceURL, "http://") {
			ds = append(ds, diag.Warnf(src, keyLine("source_url"), "front matter: source_url must start with https:// or http://; left out"))
			r.SourceURL = ""
		}
	}
	for slug, rating := range fm.Ratings {
		ds = append(ds, p.frontRating(r, slug, rating, src, keyLine(slug))...)
	}
	return ds
}

func (p *Parser) frontArea(r *Report, area, src string, line int) []diag.Diagnostic {
	area = strings.TrimSpace(area)
	r.Lines.Area = 0
	if area == "" {
		r.Area, r.AreaSlug = "", ""
		return nil
	}
	if h, ok := p.areas.first(area); ok && h.start == 0 && h.end == len(area) {
		a := p.cfg.Areas[h.owner]
		r.Area, r.AreaSlug = a.Name, a.Slug
		return nil
	}
	if a := p.cfg.AreaBySlug(area); a != nil {
		r.Area, r.AreaSlug = a.Name, a.Slug
		return nil
	}
	r.Area, r.AreaSlug = area, Slugify(area)
	return []diag.Diagnostic{diag.Warnf(src, line, "front matter: area %q is not one of the Areas in site.toml", area)}
}

// frontProgramme takes a programme id site.toml lists, or "unknown".
func (p *Parser) frontProgramme(r *Report, id, src string, line int) []diag.Diagnostic {
	known := []string{}
	for _, prog := range p.cfg.Programmes {
		if strings.EqualFold(prog.ID, id) {
			r.Programme, r.Lines.Programme = prog.ID, 0
			return nil
		}
		known = append(known, prog.ID)
	}
	if id == "unknown" {
		r.Programme, r.Lines.Programme = id, 0
		return nil
	}
	return []diag.Diagnostic{diag.Errorf(src, line, "front matter: programme %q is not one site.toml knows (%s, or unknown)", id, strings.Join(known, ", "))}
}

// frontKind takes a kind slug site.toml lists.
func (p *Parser) frontKind(r *Report, slug, src string, line int) []diag.Diagnostic {
	known := []string{}
	for _, k := range p.cfg.Kinds {
		if strings.EqualFold(k.Slug, slug) {
			r.Kind, r.Lines.Kind = k.Slug, 0
			return nil
		}
		known = append(known, k.Slug)
	}
	return []diag.Diagnostic{diag.Errorf(src, line, "front matter: kind %q is not one site.toml knows (%s)", slug, strings.Join(known, ", "))}
}

func (p *Parser) frontRating(r *Report, slug, rating, src string, line int) []diag.Diagnostic {
	known := false
	for _, c := range p.cfg.Criteria {
		known = known || c.Slug == slug
	}
	if !known {
		return []diag.Diagnostic{diag.Errorf(src, line, "front matter: ratings.%s is not a criterion in site.toml", slug)}
	}
	word, ok := p.cfg.KnownRating(rating)
	if !ok {
		return []diag.Diagnostic{diag.Errorf(src, line, "front matter: rating %q is not one of %s", rating, strings.Join(p.cfg.Ratings, ", "))}
	}
	r.Ratings[slug] = word
	r.Lines.Ratings[slug] = 0
	return nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return fmt.Sprint(l)
}
