package report

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to runes; the rest of the
// high half is Latin-1. Undefined bytes map to U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// decodeText turns a file's bytes into clean UTF-8 text with "\n" line ends.
// It reports whether the bytes had to be read as Windows-1252, and whether
// they look like binary data (NUL bytes or many control characters).
func decodeText(data []byte) (text string, windows1252, binary bool) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if looksBinary(data) {
		return "", false, true
	}
	var s string
	if utf8.Valid(data) {
		s = string(data)
	} else {
		windows1252 = true
		var b strings.Builder
		b.Grow(len(data) + len(data)/8)
		for _, c := range data {
			switch {
			case c < 0x80:
				b.WriteByte(c)
			case c < 0xA0:
				b.WriteRune(cp1252[c-0x80])
			default:
				b.WriteRune(rune(c))
			}
		}
		s = b.String()
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s, windows1252, false
}

// looksBinary reports NUL bytes, or more than 1 in 20 control characters
// other than tab, newline, carriage return and form feed, in the first 8 KiB.
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for i := 0; i < len(head); i++ {
		// Eight bytes at a time pass when none is below 0x20 (a byte
		// beyond ASCII passes): a byte at a time was a hundredth of the
		// reader's time (BenchmarkParseGenerated).
		if i+8 <= len(head) {
			if x := binary.LittleEndian.Uint64(head[i:]); (x&^highBits+0x60*lowBits|x)&highBits == highBits {
				i += 7
				continue
			}
		}
		if c := head[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}
