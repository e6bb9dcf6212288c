package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/inspectsite/inspectsite/internal/report"
	"github.com/inspectsite/inspectsite/internal/site"
)

// The blocks below are the parts of pages that repeat with the size of the
// site. Templates place them ({{.IssueSections $r}}); their markup is here,
// written with markup, so that a page of fifty issues costs fifty appends
// rather than a thousand template actions. Page templates remain free to
// write their own markup from the same data instead.

// Rating is a rating as a tag, or "Not rated".
func (p *page) Rating(value string) template.HTML {
	return p.markup().rating(value).html()
}

func (m *markup) rating(value string) *markup {
	if value == "" {
		return m.raw(`<span class="not-rated">Not rated</span>`)
	}
	return m.raw(`<strong class="tag tag--`).text(strings.ToLower(value)).raw(`">`).text(value).raw(`</strong>`)
}

// RatingsList is a report's rating on each criterion as a summary list;
// with source, each links to the line it was read from.
func (p *page) RatingsList(r *report.Report, source bool) template.HTML {
	m := p.markup().raw("\n<dl class=\"summary-list\">\n")
	for _, c := range p.Cfg.Criteria {
		m.raw(`<div class="summary-list__row"><dt>`).text(c.Title).raw(`</dt><dd>`).rating(r.Ratings[c.Slug])
		if n := r.Lines.Ratings[c.Slug]; source && n > 0 {
			m.raw(` <a class="source-link" href="`).url(p.Rel(p.SourceLine(r, n))).raw(`">source, line `).int(n).raw(`</a>`)
		}
		m.raw("</dd></div>\n")
	}
	return m.raw("</dl>\n").html()
}

// IssueSections is every issue of a report with its response, as the
// report page shows them.
func (p *page) IssueSections(r *report.Report) template.HTML {
	m := p.markup()
	for i := range r.Issues {
		is := &r.Issues[i]
		id := p.IssueID(r, i)
		m.raw("\n<section class=\"issue\" aria-labelledby=\"").text(id).raw("\">\n<h3 id=\"").text(id).raw(`">Issue `).int(is.Number).raw(": ").text(short(is.Text, 12)).raw("</h3>\n<p>")
		m.b = p.Abbr.appendMarked(m.b, is.Text, true)
		m.raw("</p>\n").themesLine(p, is).raw("\n")
		if is.Line > 0 {
			m.raw(`<p class="source-link"><a href="`).url(p.Rel(p.SourceLine(r, is.Line))).raw(`">Issue `).int(is.Number).raw(" in the source, line ").int(is.Line).raw("</a></p>")
		}
		m.raw("\n<h4>CPS response</h4>\n").response(p, is).raw("\n")
		if is.Response != "" && is.ResponseLine > 0 {
			m.raw(`<p class="source-link"><a href="`).url(p.Rel(p.SourceLine(r, is.ResponseLine))).raw(`">Response to issue `).int(is.Number).raw(" in the source, line ").int(is.ResponseLine).raw("</a></p>")
		}
		m.raw("\n</section>\n")
	}
	return m.html()
}

// themesLine links an issue's themes.
func (m *markup) themesLine(p *page, is *report.Issue) *markup {
	if len(is.Themes) == 0 {
		return m.raw(`<p class="themes-line">Themes: none matched</p>`)
	}
	m.raw(`<p class="themes-line">Themes: `)
	for i, t := range is.Themes {
		if i > 0 {
			m.raw(", ")
		}
		m.raw(`<a href="`).url(p.Rel("/themes/" + t + "/")).raw(`">`).text(p.ThemeTitle(t)).raw("</a>")
	}
	return m.raw("</p>")
}

// response is the CPS's response to an issue, paragraph by paragraph,
// with notes when it is shared with other issues or other Areas.
func (m *markup) response(p *page, is *report.Issue) *markup {
	if is.Response == "" {
		return m.raw("\n<p class=\"absent\">No response to this issue is given in the document.</p>\n")
	}
	m.raw("\n\n")
	if len(is.ResponseCovers) > 1 {
		m.raw(`<p class="note">One response answers issues `)
		for i, n := range is.ResponseCovers {
			if i > 0 {
				m.raw(" and ")
			}
			m.int(n)
		}
		m.raw(" together.</p>")
	}
	m.raw("\n")
	if len(is.JointWith) > 0 {
		m.raw(`<p class="note">Joint response with `)
		for i, a := range is.JointWith {
			if i > 0 {
				m.raw(" and ")
			}
			m.raw("CPS ").text(a)
		}
		m.raw(".</p>")
	}
	m.raw("\n")
	for _, para := range is.ResponseParagraphs {
		m.raw("<p>")
		m.b = p.Abbr.appendMarked(m.b, para, true)
		m.raw("</p>\n")
	}
	return m.raw("\n\n")
}

// ThemeItems are a theme page's issues from one Area, each with its
// response and a link to it in its report.
func (p *page) ThemeItems(items []site.IssueRef) template.HTML {
	m := p.markup()
	for _, it := range items {
		r, is := it.Report, it.Issue
		m.raw("\n<h3>Issue ").int(is.Number).raw(" from “").text(ReportTitle(r)).raw("” (").text(monthYear(r.Date)).raw(")</h3>\n<p>")
		m.b = p.Abbr.appendMarked(m.b, is.Text, true)
		m.raw("</p>\n<h4>CPS response</h4>\n").response(p, is)
		m.raw("\n<p><a href=\"").url(p.Rel(r.URL)).raw("#").text(p.IssueRefID(it)).raw(`">Issue `).int(is.Number).raw(" in the full report")
		if r.Area != "" {
			m.raw(" for CPS ").text(r.Area)
		}
		m.raw(", ").text(displayDate(r.Date)).raw("</a></p>\n")
	}
	return m.html()
}

// IssueListItems are issues as list items linking to their reports: an
// Area page's issues under one theme.
func (p *page) IssueListItems(items []site.IssueRef) template.HTML {
	m := p.markup()
	for _, it := range items {
		m.raw(`<li><a href="`).url(p.Rel(it.Report.URL)).raw("#").text(p.IssueRefID(it)).raw(`">Issue `).int(it.Issue.Number).raw(", ").text(displayDate(it.Report.Date)).raw("</a>: ")
		m.b = p.Abbr.appendMarked(m.b, it.Issue.Text, true)
		m.raw("</li>\n")
	}
	return m.html()
}

// ReportRows are an Area's reports as rows of its table over time: date,
// document kind, programme, a rating per criterion, number of issues.
func (p *page) ReportRows(reports []*report.Report) template.HTML {
	m := p.markup()
	for _, r := range reports {
		m.raw(`<tr><th scope="row"><a href="`).url(p.Rel(r.URL)).raw(`">`).text(displayDate(r.Date)).raw(`</a><span class="cell-note">`).text(p.KindTitle(r.Kind)).raw("</span></th><td>").text(p.ProgrammeTitle(r.Programme)).raw("</td>\n")
		for _, c := range p.Cfg.Criteria {
			m.raw("<td>").rating(r.Ratings[c.Slug]).raw("</td>")
		}
		m.raw(`<td class="numeric">`).int(len(r.Issues)).raw("</td></tr>\n")
	}
	return m.html()
}

// ReportItems are reports as list items: title link, Area, programme, date
// and number of issues.
func (p *page) ReportItems(reports []*report.Report) template.HTML {
	m := p.markup()
	for _, r := range reports {
		m.raw("<li>\n<a href=\"").url(p.Rel(r.URL)).raw(`">`).text(ReportTitle(r)).raw("</a>\n<p class=\"meta\">")
		if r.Area != "" {
			m.raw("CPS ").text(r.Area)
		} else {
			m.raw("National or thematic")
		}
		m.raw(" · ").text(p.ProgrammeTitle(r.Programme)).raw(" · ")
		if r.Date != "" {
			m.raw(`<time datetime="`).text(r.Date).raw(`">`).text(displayDate(r.Date)).raw("</time>")
		} else {
			m.raw("Date not stated")
		}
		m.raw(" · ").text(plural(len(r.Issues), "issue", "issues")).raw("</p>\n</li>\n")
	}
	return m.html()
}

// SourceLines are a document's lines as list items, each with the id its
// provenance links point to.
func (p *page) SourceLines(r *report.Report) (template.HTML, error) {
	m := p.markup()
	// The text, in the worker's own buffer: kept by the report (serve), or
	// read again (a build keeps none).
	text := append(m.src[:0], r.Text...)
	if r.Text == "" && p.parts != nil && p.parts.text != nil {
		var err error
		if text, err = p.parts.text(r, m.src[:0]); err != nil {
			return "", err
		}
	}
	m.src = text
	text = bytes.TrimSuffix(text, []byte("\n"))
	for n := 1; ; n++ {
		line, rest, more := bytes.Cut(text, []byte("\n"))
		if r.HiddenChars {
			appendMarkedSourceLine(m, n, line)
		} else {
			appendSourceLine(m, n, line)
		}
		if !more {
			break
		}
		text = rest
	}
	return m.html(), nil
}

// appendSourceLine writes line n of a document as a list item.
func appendSourceLine(m *markup, n int, line []byte) {
	m.raw(`<li id="L`).int(n).raw(`">`)
	if len(line) == 0 {
		m.raw(`<span class="visually-hidden">(blank line)</span>`)
	} else {
		m.b = appendEscaped(m.b, line)
	}
	m.raw("</li>\n")
}

// Breadcrumbs is the trail of links above a page's heading.
func (p *page) Breadcrumbs() template.HTML {
	if len(p.Crumbs) == 0 {
		return ""
	}
	m := p.markup().raw("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>")
	for _, c := range p.Crumbs {
		m.raw(`<li><a href="`).url(p.Rel(c.URL)).raw(`">`).text(c.Name).raw("</a></li>")
	}
	return m.raw("</ol>\n</nav>").html()
}

// ReportSummary is a report's facts as a summary list: Area, date,
// programme, kind, number of issues and where its text came from.
func (p *page) ReportSummary(r *report.Report) template.HTML {
	m := p.markup().raw("<dl class=\"summary-list\">\n")
	row := func(name string) *markup {
		return m.raw(`<div class="summary-list__row"><dt>`).raw(name).raw("</dt><dd>")
	}
	row("Area")
	if r.Area != "" {
		m.raw(`<a href="`).url(p.Rel(p.AreaURL(r))).raw(`">CPS `).text(r.Area).raw("</a>")
	} else {
		m.raw("National or thematic: about no single Area")
	}
	m.raw("</dd></div>\n")
	row("Published")
	if r.Date != "" {
		m.raw(`<time datetime="`).text(r.Date).raw(`">`).text(displayDate(r.Date)).raw("</time>")
		if n := r.Lines.Date; n > 0 {
			m.raw(` <a class="source-link" href="`).url(p.Rel(p.SourceLine(r, n))).raw(`">source, line `).int(n).raw("</a>")
		}
	} else {
		m.raw("Date not stated")
	}
	m.raw("</dd></div>\n")
	row("Inspection programme").text(p.ProgrammeTitle(r.Programme)).raw("</dd></div>\n")
	row("Document").text(p.KindTitle(r.Kind)).raw("</dd></div>\n")
	row("Issues to address")
	if len(r.Issues) > 0 {
		m.int(len(r.Issues))
	} else {
		m.raw("None listed in this document")
	}
	m.raw("</dd></div>\n")
	row("Source").raw(`<a href="`).url(p.Rel(r.URL + "source/")).raw(`">The document as read, line by line</a> (file `).text(r.Source).raw(")")
	if isWebURL(r.SourceURL) {
		m.raw(`; <a href="`).url(r.SourceURL).raw(`">the original publication</a>`)
	}
	return m.raw("</dd></div>\n</dl>").html()
}

// isWebURL: only http and https links to the original are made, as
// html/template would allow.
func isWebURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// ReportNav links a report's neighbours among its Area's reports.
func (p *page) ReportNav(prev, next *report.Report) template.HTML {
	if prev == nil && next == nil {
		return ""
	}
	r := prev
	if r == nil {
		r = next
	}
	m := p.markup().raw(`<nav class="pagination pagination--block" aria-label="Other reports for CPS `).text(r.Area).raw("\">\n<ul>\n")
	link := func(o *report.Report, class, rel, label string) {
		if o == nil {
			m.raw("\n")
			return
		}
		m.raw(`<li class="`).raw(class).raw(`"><a href="`).url(p.Rel(o.URL)).raw(`" rel="`).raw(rel).raw(`">`).raw(label).raw(" report for CPS ").text(o.Area)
		m.raw(`<span class="visually-hidden">:</span> <span class="pagination__label">`).text(ReportTitle(o)).raw(" (").text(displayDate(o.Date)).raw(")</span></a></li>\n")
	}
	link(prev, "pagination__prev", "prev", "Previous")
	link(next, "pagination__next", "next", "Next")
	return m.raw("</ul>\n</nav>").html()
}

// Changes are an Area's comparisons of each report with the one before:
// the themes raised again and the ratings that changed.
func (p *page) Changes(cs []site.Change) template.HTML {
	m := p.markup()
	for _, c := range cs {
		m.raw("\n<h3>").text(displayDate(c.Later.Date)).raw(", ").text(p.ProgrammeTitle(c.Later.Programme)).raw(", compared with ").text(displayDate(c.Earlier.Date)).raw("</h3>\n<ul class=\"plain-list\">\n<li>Raised again: ")
		if len(c.Repeated) == 0 {
			m.raw("no theme of the earlier report")
		}
		for i, t := range c.Repeated {
			if i > 0 {
				m.raw(", ")
			}
			m.raw(`<a href="`).url(p.Rel("/themes/" + t.Slug + "/")).raw(`">`).text(t.Title).raw("</a>")
		}
		m.raw(".</li>\n<li>Ratings: ")
		switch {
		case !c.Comparable && len(c.Earlier.Ratings) > 0:
			m.raw("not comparable, as the later report states none")
		case !c.Comparable:
			m.raw("not comparable, as the earlier report states none")
		case len(c.Ratings) == 0:
			m.raw("no rating changed")
		}
		if c.Comparable {
			for i, rc := range c.Ratings {
				if i > 0 {
					m.raw("; ")
				}
				m.text(rc.Criterion.Title).raw(" changed from ").text(rc.From).raw(" to ").text(rc.To)
			}
		}
		m.raw(".</li>\n<li><a href=\"").url(p.Rel(c.Later.URL)).raw(`">The later report</a> · <a href="`).url(p.Rel(c.Earlier.URL)).raw("\">the earlier report</a></li>\n</ul>\n")
	}
	return m.html()
}
