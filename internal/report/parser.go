package report

import (
	"bytes"
	"crypto/sha256"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// Parser reads documents with one configuration's vocabulary. Its matchers
// are compiled once, so a Parser may read any number of documents, from any
// number of goroutines.
type Parser struct {
	cfg *config.Config

	areas      *phraseIndex // names and aliases of Areas → index in cfg.Areas
	criteria   *phraseIndex // criterion aliases → index in cfg.Criteria
	ratingWord *regexp.Regexp
	// ratingWords finds ratingWord's matches, as FindAll does.
	ratingWords *keyedPattern
	themes      *termSet
	kindObject  []*termSet // per kind: the words after which its terms name an object
	headings    *termSet
	response    *regexp.Regexp
	issueLabel  *regexp.Regexp
	// issueLabelWords are the labels' words: a line that does not begin
	// with them (after one word at most) skips issueLabel.
	issueLabelWords [][]string

	metaLabels   map[string]bool // lower case
	areaLabels   map[string]bool
	notAnArea    *phraseIndex
	notAreaNames map[string]bool
	// introTerms holds the vocabularies read from a document's intro
	// (themes, kinds, programmes, issue nouns, all-Areas words, what each
	// programme requires) in one set,
	// so that each word is looked up once: vocab v's owners are the groups
	// from vocabAt[v] on.
	introTerms *termSet
	vocabAt    [inRequires + 2]int

	// Lower-case words whose absence lets a line skip a costly pattern.
	ratingStems []string
	// ratingFirsts lists, for each byte in either case, the indexes of
	// the rating stems that begin with it.
	ratingFirsts   [256][]int
	emptyRating    bool     // a rating word is ""
	responseLabels []string // lower case, words joined by one space
}

// The vocabularies of introTerms.
const (
	inThemes = iota
	inKinds
	inProgrammes
	inNouns
	inAllAreas
	inRequires // per programme, its requires terms
)

// vocab returns the matches of vocabulary v among ms, with their groups
// made the index of their owner again, appended to out.
func (p *Parser) vocab(out, ms []match, v int) []match {
	lo, hi := p.vocabAt[v], p.vocabAt[v+1]
	for _, m := range ms {
		if lo <= m.group && m.group < hi {
			m.group -= lo
			out = append(out, m)
		}
	}
	return out
}

// hasVocab reports whether ms holds a match of owner g of vocabulary v.
func (p *Parser) hasVocab(ms []match, v, g int) bool {
	for _, m := range ms {
		if m.group == p.vocabAt[v]+g {
			return true
		}
	}
	return false
}

// mentionsRating reports whether s may hold a rating word.
// It is containsFold(s, p.ratingStems) in one pass over s, not one for each
// stem (BenchmarkMentionsRating).
func (p *Parser) mentionsRating(s string) bool {
	if hasFoldToASCII(s) {
		return containsAny(strings.ToLower(s), p.ratingStems)
	}
	if p.emptyRating {
		return true
	}
	for i := 0; i < len(s); i++ {
		for _, k := range p.ratingFirsts[s[i]] {
			if hasPrefixFoldASCII(s[i:], p.ratingStems[k]) {
				return true
			}
		}
	}
	return false
}

// mayBeResponse reports whether s may start with a response label: its
// opening words, lower-cased with runs of space and hyphen made one space,
// begin with a label. Text that is not ASCII there is left to the pattern.
func (p *Parser) mayBeResponse(s string) bool {
	var buf [64]byte
	norm := buf[:0]
	for i := 0; i < len(s) && len(norm) < len(buf); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return true // the pattern decides (it folds ſ to s, K to k)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '-':
			if len(norm) > 0 && norm[len(norm)-1] != ' ' {
				norm = append(norm, ' ')
			}
		case 'A' <= c && c <= 'Z':
			norm = append(norm, c+'a'-'A')
		default:
			norm = append(norm, c)
		}
	}
	for _, l := range p.responseLabels {
		if len(norm) >= len(l) && string(norm[:len(l)]) == l {
			return true
		}
	}
	return false
}

// containsAny reports whether lower, already in lower case, contains any of
// the lower-case needles.
func containsAny(lower string, needles []string) bool {
	for _, n := range needles {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains any of the lower-case needles,
// ignoring ASCII case.
func containsFold(s string, needles []string) bool {
	if hasFoldToASCII(s) {
		return containsAny(strings.ToLower(s), needles)
	}
	for _, n := range needles {
		if indexFoldASCII(s, n) >= 0 {
			return true
		}
	}
	return false
}

// indexFoldASCII is the index of the lower-case ASCII needle in s, ignoring
// ASCII case, or -1. It allocates nothing.
func indexFoldASCII(s, needle string) int {
	if needle == "" {
		return 0
	}
	first := needle[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(needle) <= len(s); i++ {
		if c := s[i]; c != first && c != upper {
			continue
		}
		j := 1
		for j < len(needle) && lowerASCII(s[i+j]) == needle[j] {
			j++
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}

// NewParser compiles cfg's vocabulary into matchers.
func NewParser(cfg *config.Config) *Parser {
	p := &Parser{cfg: cfg}
	p.areas = phrasesOf(len(cfg.Areas), func(i int) []string { return append([]string{cfg.Areas[i].Name}, cfg.Areas[i].Aliases...) })
	p.criteria = phrasesOf(len(cfg.Criteria), func(i int) []string {
		return append([]string{cfg.Criteria[i].Title}, cfg.Criteria[i].Aliases...)
	})
	words := make([]string, len(cfg.Ratings))
	for i, r := range cfg.Ratings {
		words[i] = regexp.QuoteMeta(r)
		p.ratingStems = append(p.ratingStems, strings.ToLower(r))
	}
	for k, st := range p.ratingStems {
		if st == "" {
			p.emptyRating = true // found everywhere
			continue
		}
		c := st[0]
		p.ratingFirsts[c] = append(p.ratingFirsts[c], k)
		if 'a' <= c && c <= 'z' {
			p.ratingFirsts[c-'a'+'A'] = append(p.ratingFirsts[c-'a'+'A'], k)
		}
	}
	p.ratingWord = regexp.MustCompile(`(?i)\b(` + strings.Join(words, "|") + `)\b`)
	// Tried at the rating words alone (see keyedPattern): run over every
	// sentence that mentions one, the pattern was a third of the rating
	// reader's time (BenchmarkParse).
	p.ratingWords = newKeyedPattern(p.ratingWord, 0, cfg.Ratings...).keyWords()
	p.themes = termsOf(len(cfg.Themes), func(i int) []string { return themeTerms(cfg.Themes[i]) })
	for i := range cfg.Kinds {
		p.kindObject = append(p.kindObject, termsOf(1, func(int) []string { return cfg.Kinds[i].ObjectAfter }))
	}
	p.headings = newTermSet()
	for _, h := range cfg.Extract.IssueHeadings {
		p.headings.add(h, 0)
	}
	labels := make([]string, len(cfg.Extract.ResponseLabels))
	for i, l := range cfg.Extract.ResponseLabels {
		labels[i] = spacedPattern(l)
		p.responseLabels = append(p.responseLabels, strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(l, "-", " ")), " ")))
	}
	sort.Slice(labels, func(i, j int) bool { return len(labels[i]) > len(labels[j]) })
	// "CPS Response to 1 & 3:", "CPS response (joint with CPS London North):",
	// "CPS response: (joint with ...):", "CPS Response: text".
	p.response = regexp.MustCompile(`(?i)^(?:` + strings.Join(labels, "|") + `)` +
		`((?:\s+to\s+(?:(?:issues?|recommendations?)\s+)?(?:\d+(?:\s*(?:,|&|and|-|–|—|to)\s*)?)+|\s*\([^()]{0,120}\))*)\s*[:.\-–—]\s*` +
		`((?:\([^()]{0,120}\)\s*:?)?)`)
	ex := cfg.Extract
	p.metaLabels, p.areaLabels, p.notAreaNames = lowerSet(ex.MetadataLabels), lowerSet(ex.AreaLabels), lowerSet(ex.NotAreaNames)
	for l := range p.areaLabels {
		p.metaLabels[l] = true
	}
	p.notAnArea = phrasesOf(len(ex.NotAnArea), func(i int) []string { return ex.NotAnArea[i : i+1] })
	p.introTerms = newTermSet()
	vocabs := [][][]string{nil, nil, nil, {cfg.Extract.IssueNouns}, {ex.AllAreas}, nil}
	for _, th := range cfg.Themes {
		vocabs[inThemes] = append(vocabs[inThemes], themeTerms(th))
	}
	for _, k := range cfg.Kinds {
		vocabs[inKinds] = append(vocabs[inKinds], k.Terms)
	}
	for _, pr := range cfg.Programmes {
		vocabs[inProgrammes] = append(vocabs[inProgrammes], pr.Terms)
		vocabs[inRequires] = append(vocabs[inRequires], pr.Requires)
	}
	group := 0
	for v, owners := range vocabs {
		p.vocabAt[v] = group
		for _, terms := range owners {
			for _, t := range terms {
				p.introTerms.add(t, group)
			}
			group++
		}
	}
	p.vocabAt[len(vocabs)] = group
	p.issueLabel = issueLabelPattern(ex.IssueLabels)
	for _, l := range ex.IssueLabels {
		if f := strings.Fields(l); len(f) > 0 {
			p.issueLabelWords = append(p.issueLabelWords, f)
		}
	}
	return p
}

func lowerSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(strings.TrimSpace(w))] = true
	}
	return m
}

// phrasesOf indexes the names of n owners (Areas, criteria).
func phrasesOf(n int, names func(i int) []string) *phraseIndex {
	pi := newPhraseIndex()
	for i := 0; i < n; i++ {
		for _, name := range names(i) {
			pi.add(name, i)
		}
	}
	pi.compile()
	return pi
}

// termsOf collects the terms of n owners (themes, kinds, programmes).
func termsOf(n int, terms func(i int) []string) *termSet {
	ts := newTermSet()
	for i := 0; i < n; i++ {
		for _, t := range terms(i) {
			ts.add(t, i)
		}
	}
	return ts
}

// spacedPattern quotes s for a regexp, letting any white space or hyphen
// stand between its words.
func spacedPattern(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, `[\s\-]+`)
}

// Parse reads one document. src is the path reported in diagnostics and in
// Report.Source (for example "content/x.txt"). It returns nil when the file
// cannot be read as a document at all; the diagnostics say why. It keeps
// nothing of data, which the caller may reuse.
func (p *Parser) Parse(src string, data []byte) (*Report, []diag.Diagnostic) {
	return p.parse(src, data, nil)
}

// parse is Parse, recording how each field was chosen in ex unless it is nil.
func (p *Parser) parse(src string, data []byte, ex *Explanation) (*Report, []diag.Diagnostic) {
	var ds []diag.Diagnostic
	if int64(len(data)) > p.cfg.MaxDocumentBytes {
		return nil, []diag.Diagnostic{diag.Errorf(src, 0,
			"document is %d bytes, over the limit of %d (max_document_bytes in site.toml); not read", len(data), p.cfg.MaxDocumentBytes)}
	}
	text, cp1252, binary := decodeText(data)
	if binary {
		return nil, []diag.Diagnostic{diag.Errorf(src, 0, "file holds binary data (NUL or control bytes), not text; not read")}
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF")) == "" {
		return nil, []diag.Diagnostic{diag.Errorf(src, 0, "document is empty; not read")}
	}
	if cp1252 {
		ds = append(ds, diag.Warnf(src, 0, "not valid UTF-8: read as Windows-1252; save it as UTF-8 to silence this"))
	}
	front, body, bodyLine, err := splitFrontMatter(text)
	if err != nil {
		return nil, append(ds, diag.Errorf(src, 1, "%v", err))
	}
	r := &Report{Source: src, Slug: Slugify(strings.TrimSuffix(path.Base(src), path.Ext(src))), StatedCount: -1}
	r.Digest = sha256.Sum256(data)
	r.Text = text
	r.Ratings = map[string]string{}
	r.Lines.Ratings = map[string]int{}
	r.OtherRatings = []OtherRating{}
	r.Issues = []Issue{}
	r.NarrativeThemes, r.NarrativeThemeTerms = []string{}, NarrativeTerms{}
	doc := p.readBody(r, body, bodyLine, ex)
	ds = append(ds, doc.diags...)
	if front != "" {
		fds := p.applyFrontMatter(r, front, src)
		ds = append(ds, fds...)
		for _, d := range fds {
			if d.Severity == diag.Error {
				return nil, ds
			}
		}
	}
	ds = append(ds, sanitize(r, text)...)
	ds = append(ds, p.lint(r)...)
	r.detach()
	p.readCommitments(r)
	for i := range ds {
		ds[i].Path = src
	}
	return r, ds
}

// TextBytes is the text of a document read again after parsing, as
// Report.Text would hold it, reusing data where it needs no change. It is
// an error if the bytes are not those r was read from.
func TextBytes(r *Report, data []byte) ([]byte, error) {
	if sha256.Sum256(data) != r.Digest {
		return nil, diag.Errorf(r.Source, 0, "changed while the site was being built; build again")
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) && bytes.IndexByte(data, '\r') < 0 && utf8.Valid(data) {
		return data, nil
	}
	text, _, _ := decodeText(data)
	return []byte(text), nil
}

// readBody extracts everything the text states.
func (p *Parser) readBody(r *Report, body string, first int, ex *Explanation) *docState {
	d := &docState{p: p, r: r, ex: ex, first: first}
	if ext := strings.ToLower(path.Ext(r.Source)); ext == ".md" || ext == ".markdown" {
		d.raw = strings.Split(body, "\n")
	}
	d.lines = d.dropBoilerplate(splitLines(body, first))
	d.paras = d.segment(d.lines)
	d.findIssueStart()
	d.readHeader()
	d.readIntro()
	d.readIssues()
	p.assignThemes(r)
	return d
}

// lint warns about what a reader would miss.
func (p *Parser) lint(r *Report) []diag.Diagnostic {
	var ds []diag.Diagnostic
	if r.Title == "" {
		ds = append(ds, diag.Warnf(r.Source, 0, "no title found; the page will use the file name"))
	}
	if r.Date == "" {
		ds = append(ds, diag.Warnf(r.Source, 0, "no publication date stated; give one as date = \"YYYY-MM-DD\" in front matter"))
	}
	if r.StatedCount >= 0 && r.StatedCount != len(r.Issues) {
		ds = append(ds, diag.Warnf(r.Source, r.Lines.StatedCount, "the text states %d issues but %d were found", r.StatedCount, len(r.Issues)))
	}
	return ds
}

// docState carries one document through the reader's steps.
type docState struct {
	p          *Parser
	r          *Report
	lines      []line
	paras      []paragraph
	issueStart int // index into lines where the issues begin; len(lines) if none
	introFrom  int // index into paras where the intro begins
	introTo    int // index into paras where it ends (exclusive)
	dateRank   int
	diags      []diag.Diagnostic
	ex         *Explanation // nil unless the reader is asked to explain
	// metaArea is 1 + the index of the Area the metadata block names, or 0.
	metaArea, metaAreaLine int
	metaLines              []line          // the lines of the metadata block
	warned                 map[string]bool // unknown Area names already warned about
	raw                    []string        // a markdown document's lines as written
	first                  int             // the line number of raw[0]
}

func (d *docState) warn(line int, format string, args ...any) {
	d.diags = append(d.diags, diag.Warnf(d.r.Source, line, format, args...))
}
