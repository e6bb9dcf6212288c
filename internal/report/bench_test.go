package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspectsite/inspectsite/internal/corpus"
)

// benchDocs reads the files a glob names, for the benchmarks below.
func benchDocs(b *testing.B, glob string) [][]byte {
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		b.Fatalf("no documents match %s", glob)
	}
	var docs [][]byte
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// benchParse parses docs in turn, reporting documents and bytes per second,
// allocations and CPU time (cpu-ns/op, see processCPU) per document.
func benchParse(b *testing.B, p *Parser, names []string, docs [][]byte) {
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total) / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		j := i % len(docs)
		if r, _ := p.Parse(names[j], docs[j]); r == nil {
			b.Fatal("not parsed")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	if cpu > 0 {
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
	}
}

// seedLines is every line of the seed documents as splitLines reads it:
// its text as written, or its lower case.
func seedLines(b *testing.B, lower bool) []string {
	var texts []string
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		for _, l := range splitLines(string(d), 1) {
			if lower {
				texts = append(texts, l.lower)
			} else {
				texts = append(texts, l.text)
			}
		}
	}
	return texts
}

func sameName(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "content/x.txt"
	}
	return names
}

// BenchmarkParse reads the five seed documents.
func BenchmarkParse(b *testing.B) {
	docs := benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt")
	benchParse(b, fuzzParser(b), sameName(len(docs)), docs)
}

// BenchmarkParseReal reads the 16 whole real documents (the ones in
// content/, without their front matter).
func BenchmarkParseReal(b *testing.B) {
	docs := benchDocs(b, "testdata/real/raw/*.txt")
	benchParse(b, fuzzParser(b), sameName(len(docs)), docs)
}

// BenchmarkParseGenerated reads documents of the generated corpus, the
// ones the whole-build benchmarks use.
func BenchmarkParseGenerated(b *testing.B) {
	p := fuzzParser(b)
	gen := corpus.Generate(p.cfg, 200)
	names := make([]string, len(gen))
	docs := make([][]byte, len(gen))
	for i, d := range gen {
		names[i], docs[i] = "content/"+d.Name, d.Text
	}
	benchParse(b, p, names, docs)
}

// BenchmarkReadCommitments reads the commitments of the seed and generated
// documents' responses alone: the part of Parse that readCommitments is.
func BenchmarkReadCommitments(b *testing.B) {
	p := fuzzParser(b)
	var rs []*Report
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		r, _ := p.Parse("content/x.txt", d)
		rs = append(rs, r)
	}
	for _, d := range corpus.Generate(p.cfg, 200) {
		r, _ := p.Parse("content/"+d.Name, d.Text)
		rs = append(rs, r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.readCommitments(rs[i%len(rs)])
	}
}

// BenchmarkTimeframeHints compares tfHintsOf with the lower-casing and
// look for each word it replaced (tfHintsRef), on every sentence of the
// seed documents' responses.
func BenchmarkTimeframeHints(b *testing.B) {
	p := fuzzParser(b)
	var units []string
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		r, _ := p.Parse("content/x.txt", d)
		for _, is := range r.Issues {
			units = append(units, responseUnits(is.ResponseParagraphs)...)
		}
	}
	for _, c := range []struct {
		name  string
		hints func(string) uint8
	}{{"fast", tfHintsOf}, {"ref", tfHintsRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.hints(units[i%len(units)])
			}
		})
	}
}

// BenchmarkSplitLines splits and cleans the seed documents' lines.
func BenchmarkSplitLines(b *testing.B) {
	docs := benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		splitLines(string(docs[i%len(docs)]), 1)
	}
}

// BenchmarkTokens splits the seed documents' lines, as written, into
// words, with appendTokens and with appendTokensRef, which lower-cases
// each word with a capital on its own.
func BenchmarkTokens(b *testing.B) {
	texts := seedLines(b, false)
	for _, c := range []struct {
		name string
		f    func([]string, string) []string
	}{{"fast", appendTokens}, {"ref", appendTokensRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var buf []string
			for i := 0; i < b.N; i++ {
				buf = c.f(buf[:0], texts[i%len(texts)])
			}
		})
	}
}

// BenchmarkTermMatches looks for the intro vocabularies' terms
// (Parser.introTerms) in each line of the seed documents.
func BenchmarkTermMatches(b *testing.B) {
	p := fuzzParser(b)
	var toks [][]string
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		for _, l := range splitLines(string(d), 1) {
			toks = append(toks, tokens(l.lower))
		}
	}
	b.ReportAllocs()
	var out []match
	for i := 0; i < b.N; i++ {
		out = p.introTerms.appendMatches(out[:0], toks[i%len(toks)])
	}
}

// BenchmarkRatingTests runs the tests of the words before and after each
// rating word in the seed documents, as functions and as the patterns
// they stand for.
func BenchmarkRatingTests(b *testing.B) {
	p := fuzzParser(b)
	var before, after []string
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		for _, l := range splitLines(string(d), 1) {
			p.ratingWords.findAll(l.text, func(loc []int) bool {
				before = append(before, tail(l.text[:loc[0]], 60))
				after = append(after, l.text[loc[1]:min(len(l.text), loc[1]+8)])
				return true
			})
		}
	}
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			k := i % len(before)
			_ = endsWithOpenQuote(before[k]) && startsWithCloseQuote(after[k]) || mayBeRatedBy(before[k]) && ratedBy.MatchString(before[k])
		}
	})
	b.Run("patterns", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			k := i % len(before)
			_ = quoteOpen.MatchString(before[k]) && quoteClose.MatchString(after[k]) || ratedBy.MatchString(before[k])
		}
	})
}

// BenchmarkMentionsRating looks for the rating words in each line of the
// seed documents, in one pass (mentionsRating) and in one for each word
// (containsFold).
func BenchmarkMentionsRating(b *testing.B) {
	p := fuzzParser(b)
	texts := seedLines(b, false)
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p.mentionsRating(texts[i%len(texts)])
		}
	})
	b.Run("ref", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			containsFold(texts[i%len(texts)], p.ratingStems)
		}
	})
}

// BenchmarkSentenceWords splits every sentence of the seed documents'
// responses into words, as the commitment reader does.
func BenchmarkSentenceWords(b *testing.B) {
	p := fuzzParser(b)
	var units []string
	for _, d := range benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt") {
		r, _ := p.Parse("content/x.txt", d)
		for _, is := range r.Issues {
			units = append(units, responseUnits(is.ResponseParagraphs)...)
		}
	}
	b.ReportAllocs()
	var buf []sentenceWord
	for i := 0; i < b.N; i++ {
		buf = appendSentenceWords(buf[:0], units[i%len(units)], "")
	}
}

// BenchmarkDates finds the dates in each line with a year of the seed and
// generated documents, by hand (findAllDates), with fullDate run on the
// regions around the years (as findAllDates was) and on the whole line.
func BenchmarkDates(b *testing.B) {
	p := fuzzParser(b)
	var texts [][]byte
	texts = append(texts, benchDocs(b, "../../content/[0-9][0-9][0-9]_*.txt")...)
	for _, d := range corpus.Generate(p.cfg, 200) {
		texts = append(texts, d.Text)
	}
	var lines []string
	for _, t := range texts {
		for _, l := range splitLines(string(t), 1) {
			if hasYear(l.text) {
				lines = append(lines, l.text)
			}
		}
	}
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			findAllDates(lines[i%len(lines)])
		}
	})
	b.Run("regions", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			findAllDatesRegionsRef(lines[i%len(lines)])
		}
	})
	b.Run("pattern", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fullDate.FindAllStringIndex(lines[i%len(lines)], -1)
		}
	})
}

// BenchmarkPhrases looks for the Area and criterion names in each line of
// the seed documents, by hand (locate) and with the anchored pattern tried
// at each word that begins a name (locateAnchored).
func BenchmarkPhrases(b *testing.B) {
	p := fuzzParser(b)
	texts := seedLines(b, false)
	for _, c := range []struct {
		name   string
		locate func(pi *phraseIndex, s string) [][]int
	}{{"fast", (*phraseIndex).locate}, {"anchored", (*phraseIndex).locateAnchored}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.locate(p.areas, texts[i%len(texts)])
				c.locate(p.criteria, texts[i%len(texts)])
			}
		})
	}
}

// BenchmarkLineWords looks for the words every line is asked about
// ("cookie", "licen", "copyright") in each line of the seed documents, with
// containsByRare and with strings.Contains.
func BenchmarkLineWords(b *testing.B) {
	texts := seedLines(b, true)
	b.Run("fast", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s := texts[i%len(texts)]
			_ = mentionsCookie(s) || mayBeNotice(s)
		}
	})
	b.Run("contains", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s := texts[i%len(texts)]
			_ = strings.Contains(s, "cookie") || strings.Contains(s, "licen") || strings.Contains(s, "copyright")
		}
	})
}

// BenchmarkLower lower-cases each line of the seed documents, with
// appendLower and with strings.ToLower.
func BenchmarkLower(b *testing.B) {
	texts := seedLines(b, false)
	b.Run("fast", func(b *testing.B) {
		var sb strings.Builder
		for i := 0; i < b.N; i++ {
			if sb.Len() > 1<<20 || sb.Cap() == 0 {
				sb = strings.Builder{}
				sb.Grow(1<<20 + 1<<16)
			}
			appendLower(&sb, texts[i%len(texts)])
		}
	})
	b.Run("ToLower", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = strings.ToLower(texts[i%len(texts)])
		}
	})
}

// BenchmarkHasYear tests each line of the seed documents for a year, with
// hasYear and a byte at a time (hasYearRef).
func BenchmarkHasYear(b *testing.B) {
	texts := seedLines(b, false)
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"fast", hasYear}, {"ref", hasYearRef}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c.f(texts[i%len(texts)])
			}
		})
	}
}
