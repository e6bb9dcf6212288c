package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// readArea finds the Area the document is about: named in the title, else
// under the metadata block's Area label, else as "CPS <Area>" in the
// opening paragraphs. A name inside a phrase such as "England and Wales"
// or "all CPS Areas" does not count, and neither does a sentence naming
// several Areas (the Areas of a national report's fieldwork). A document
// that names none is about no single Area; "CPS <Name>" where the name is
// no known Area is then warned about, as it is in the title.
func (d *docState) readArea(intro []paragraph) {
	r := d.r
	d.warnUnknownAreas(r.Title, r.Lines.Title)
	if hs := d.areaHits(r.Title, r.Lines.Title); len(hs) > 0 {
		d.setArea(hs[0].owner, r.Lines.Title, "named in the title")
		for _, h := range hs[1:] {
			if h.owner != hs[0].owner {
				d.lost("area", d.p.cfg.Areas[h.owner].Name, r.Lines.Title, "named in the title after another")
			}
		}
		return
	}
	if d.metaArea > 0 {
		d.setArea(d.metaArea-1, d.metaAreaLine, "the value of the metadata block's Area label")
		return
	}
	for i, p := range intro {
		if i >= 3 {
			break
		}
		for _, s := range splitSentences(p.text()) {
			var found []hit
			for _, h := range d.areaHits(s, p.first()) {
				if strings.HasSuffix(strings.ToLower(strings.TrimSpace(s[:h.start])), "cps") {
					found = append(found, h)
				}
			}
			if len(found) == 0 {
				continue
			}
			if distinctOwners(found) > 1 {
				d.lost("area", d.p.cfg.Areas[found[0].owner].Name, p.first(), "one of several Areas named in one sentence: a list, not the subject")
				continue
			}
			d.setArea(found[0].owner, p.first(), `"CPS" and an Area's name in the opening paragraphs`)
			return
		}
	}
	for i, p := range intro {
		if i >= 3 {
			break
		}
		for _, l := range p.lines {
			d.warnUnknownAreas(l.text, l.n)
		}
	}
}

// areaHits are the Areas named in s, leaving out those inside a phrase
// that names no single Area.
func (d *docState) areaHits(s string, line int) []hit {
	hs := d.p.areas.findAll(s)
	if len(hs) == 0 {
		return nil
	}
	not := d.p.notAnArea.findAll(s)
	out := hs[:0]
	for _, h := range hs {
		inside := false
		for _, n := range not {
			if n.start <= h.start && h.end <= n.end {
				inside = true
				if d.ex != nil {
					d.lost("area", d.p.cfg.Areas[h.owner].Name, line, "inside "+`"`+s[n.start:n.end]+`"`+", which names no single Area")
				}
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

func distinctOwners(hs []hit) int {
	seen := map[int]bool{}
	for _, h := range hs {
		seen[h.owner] = true
	}
	return len(seen)
}

func (d *docState) setArea(i, line int, why string) {
	a := d.p.cfg.Areas[i]
	d.r.Area, d.r.AreaSlug, d.r.Lines.Area = a.Name, a.Slug, line
	d.chose("area", a.Name, line, why)
}

// warnUnknownAreas warns about each "CPS <Name>" in s whose name is no
// known Area or alias and not one of the words that follow "CPS" without
// naming an Area (not_area_names in site.toml).
func (d *docState) warnUnknownAreas(s string, line int) {
	for i := strings.Index(s, "CPS "); i >= 0; {
		rest := s[i+len("CPS "):]
		if name := capitalisedName(rest); name != "" && !d.p.notAreaNames[strings.ToLower(firstWord(name))] && !d.knownAreaAt(rest) {
			if !d.warned[name] {
				if d.warned == nil {
					d.warned = map[string]bool{}
				}
				d.warned[name] = true
				d.warn(line, `"CPS %s" names no known Area: add it to an [[area]]'s aliases in site.toml if it is one, or give area in front matter`, name)
				d.lost("area", name, line, "not a known Area or alias")
			}
		}
		next := strings.Index(rest, "CPS ")
		if next < 0 {
			break
		}
		i += len("CPS ") + next
	}
}

// knownAreaAt reports whether s begins with an Area's name or alias.
func (d *docState) knownAreaAt(s string) bool {
	h, ok := d.p.areas.first(s[:min(len(s), 64)]) // no Area's name is longer
	return ok && h.start == 0
}

// capitalisedName is the run of capitalised words at the start of s, with
// "and" or "of" between them ("Atlantis", "Thames and Chiltern").
func capitalisedName(s string) string {
	words := strings.Fields(s)
	n := 0
	for i, w := range words {
		w = strings.TrimRight(w, ",.;:)")
		if w == "and" || w == "of" || w == "&" {
			if i+1 < len(words) && isCapitalised(words[i+1]) {
				continue
			}
			break
		}
		if !isCapitalised(w) {
			break
		}
		n = i + 1
		if strings.ContainsAny(words[i], ",.;:)") {
			break
		}
	}
	if n == 0 {
		return ""
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",.;:)")
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !strings.ContainsAny(w, "’'")
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}
