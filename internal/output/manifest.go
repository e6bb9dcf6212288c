package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The manifest is what lets a build keep an unchanged file without reading
// the previous site back. Beside -dest (.NAME.manifest), it lists each file
// a build wrote or kept: the digest of its bytes, its size, its inode, its
// modification time and, for a page, the recipe it was rendered from (a
// digest of everything that made it, see render.Recipe), so that the next
// build need not even render a page whose recipe is the same (Writer.Keep).
// It is written once the old site is gone and clockMargin has passed, so
// that every change the build made to the site's inodes (writes, links,
// and the unlinks that remove the old site) comes before it by more than
// the margin within which the next build would not vouch for them.
//
// The next build trusts a line only for a file that is still that inode,
// of that size and modification time, whose inode has not changed (ctime)
// since the manifest was written (the earlier of the time its closing line
// records and its own modification time, which a touch moves on): an edit, a truncation, a copy over it, a
// change of its times or a file put in its place all set the ctime to the
// time they happen, and nothing sets it back. A file changed in the same
// tick of the file system's clock as the manifest was written cannot be
// told from one changed before it, so it is compared byte by byte, as git
// does with its index. A line that does not hold, a manifest that is
// missing, cut short, edited or not inspectsite's, and platforms that give
// no inodes, all fall back to comparing the bytes: a wrong manifest costs
// time, never a wrong site.
//
// It is a record of inodes, not of one site: a line is true of any file
// that passes its check, so the manifest need not be committed in the same
// step as the site, and one left by a build killed before writing its own
// is still safe to read.

// manifestHeader starts every manifest; a file of the same name without it
// (or the first version's) is not inspectsite's and is neither trusted nor
// replaced.
const manifestHeader = "inspectsite manifest 2: digest, size, inode, modification time (ns), recipe and path of each file in the folder beside it\n"

// manifestHeaderV1 started the first version's manifests, which had no
// recipes: one is replaced, but nothing in it is trusted.
const manifestHeaderV1 = "inspectsite manifest 1: "

// digestSize is how much of a SHA-256 sum a manifest keeps: 128 bits are
// ample to tell a changed file, and halve the manifest.
const digestSize = 16

type digest [digestSize]byte

func digestOf(data []byte) digest {
	sum := sha256.Sum256(data)
	return digest(sum[:digestSize])
}

// fileState is one file as the manifest records it.
type fileState struct {
	sum   digest
	size  int64
	inode uint64
	mtime int64 // UnixNano
	// recipe is what a page was rendered from (see render.Recipe); zero
	// for a file that was not rendered from a recipe.
	recipe [16]byte
}

func stateOf(sum digest, fi fs.FileInfo) fileState {
	ino, _, _ := inodeOf(fi)
	return fileState{sum: sum, size: fi.Size(), inode: ino, mtime: fi.ModTime().UnixNano()}
}

// manifest is the previous build's record, read at Begin.
type manifest struct {
	files map[string]fileState // by path inside the site, as the OS spells it
	// written bounds when it was written: the earlier of the time it
	// records and its own modification time, which anyone may move on.
	written time.Time
}

// clockMargin is how far before the time a manifest records a file's
// change may be and still not be vouched for. File systems stamp changes
// with a coarse clock (a tick of up to 10 ms) that can lag the clock the
// time is read from: a change just after the manifest was written can bear
// a stamp just before the time it records. Commit waits the margin out
// before writing the manifest, so that the files a build changed last are
// vouched for too.
const clockMargin = 20 * time.Millisecond

func manifestName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".manifest")
}

// trusted returns what the manifest says of rel, if fi (the file there now)
// is the very file it describes.
func (m *manifest) trusted(rel string, fi fs.FileInfo) (fileState, bool) {
	if m == nil {
		return fileState{}, false
	}
	s, ok := m.files[rel]
	ino, ctime, known := inodeOf(fi)
	return s, ok && known && s.inode == ino && s.size == fi.Size() &&
		s.mtime == fi.ModTime().UnixNano() && ctime.Before(m.written)
}

// readManifest reads the manifest at name. ours is false for a file of
// that name inspectsite did not write (not to be replaced); m is nil when
// there is nothing to trust.
func readManifest(name string) (m *manifest, ours bool) {
	fi, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, true
	}
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	data, err := io.ReadAll(f)
	if err == nil && bytes.HasPrefix(data, []byte(manifestHeaderV1)) {
		return nil, true
	}
	if err != nil || !bytes.HasPrefix(data, []byte(manifestHeader)) {
		return nil, len(data) == 0 && err == nil // an empty file: a build killed as it began one
	}
	files, at, err := parseManifest(data)
	if err != nil {
		return nil, true
	}
	written := fi.ModTime()
	if at = at.Add(-clockMargin); at.Before(written) {
		written = at
	}
	return &manifest{files: files, written: written}, true
}

// parseManifest checks the closing line (the number of lines, the digest
// of all before it and when it was written) and reads every line; any fault
// rejects the whole manifest.
func parseManifest(data []byte) (map[string]fileState, time.Time, error) {
	body, last, ok := cutLastLine(data)
	if !ok {
		return nil, time.Time{}, errors.New("no closing line")
	}
	var count int
	var sum string
	var at int64
	if _, err := fmt.Sscanf(last, "end %d %s %d", &count, &sum, &at); err != nil {
		return nil, time.Time{}, err
	}
	whole := sha256.Sum256(body)
	if sum != hex.EncodeToString(whole[:]) {
		return nil, time.Time{}, errors.New("digest differs")
	}
	files := make(map[string]fileState, count)
	lines := body[len(manifestHeader):]
	for len(lines) > 0 {
		line, rest, _ := bytes.Cut(lines, []byte("\n"))
		lines = rest
		path, s, err := parseManifestLine(string(line))
		if err != nil {
			return nil, time.Time{}, err
		}
		files[path] = s
	}
	if len(files) != count {
		return nil, time.Time{}, errors.New("count differs")
	}
	return files, time.Unix(0, at), nil
}

// cutLastLine splits data, which must end in a newline, before its last line.
func cutLastLine(data []byte) (body []byte, last string, ok bool) {
	if !bytes.HasSuffix(data, []byte("\n")) {
		return nil, "", false
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if i < 0 {
		return nil, "", false
	}
	return data[:i+1], string(data[i+1 : len(data)-1]), true
}

func parseManifestLine(line string) (string, fileState, error) {
	var s fileState
	f := strings.SplitN(line, " ", 6)
	if len(f) != 6 || f[5] == "" {
		return "", s, fmt.Errorf("bad line %q", line)
	}
	if n, err := hex.Decode(s.sum[:], []byte(f[0])); err != nil || n != digestSize || len(f[0]) != 2*digestSize {
		return "", s, fmt.Errorf("bad digest in %q", line)
	}
	var err1, err2, err3 error
	s.size, err1 = strconv.ParseInt(f[1], 10, 64)
	s.inode, err2 = strconv.ParseUint(f[2], 10, 64)
	s.mtime, err3 = strconv.ParseInt(f[3], 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		return "", s, err
	}
	if f[4] != "-" {
		if n, err := hex.Decode(s.recipe[:], []byte(f[4])); err != nil || n != len(s.recipe) || len(f[4]) != 2*len(s.recipe) || s.recipe == ([16]byte{}) {
			return "", s, fmt.Errorf("bad recipe in %q", line)
		}
	}
	return f[5], s, nil
}

// encodeManifest writes files, sorted by path, in the manifest's format,
// with at, the time it is written, in its closing line. A path holding a
// newline is left out (its file is compared next time).
func encodeManifest(out io.Writer, files map[string]fileState, at time.Time) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		if !strings.Contains(p, "\n") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	h := sha256.New()
	bw := bufio.NewWriter(io.MultiWriter(out, h))
	bw.WriteString(manifestHeader)
	var line []byte
	for _, p := range paths {
		s := files[p]
		line = hex.AppendEncode(line[:0], s.sum[:])
		line = append(line, ' ')
		line = strconv.AppendInt(line, s.size, 10)
		line = append(line, ' ')
		line = strconv.AppendUint(line, s.inode, 10)
		line = append(line, ' ')
		line = strconv.AppendInt(line, s.mtime, 10)
		line = append(line, ' ')
		if s.recipe == ([16]byte{}) {
			line = append(line, '-')
		} else {
			line = hex.AppendEncode(line, s.recipe[:])
		}
		line = append(line, ' ')
		line = append(line, p...)
		line = append(line, '\n')
		bw.Write(line)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(out, "end %d %x %d\n", len(paths), h.Sum(nil), at.UnixNano())
	return err
}

// writeManifest replaces the manifest at name with one for files, through
// a new file beside it renamed into place, so a reader sees the old one or
// the new one whole. It gives up, leaving the old one, on any failure: the
// manifest only saves time.
func writeManifest(name string, files map[string]fileState) {
	part := name + ".new"
	if _, ours := readManifest(part); !ours {
		return // someone else's file: leave it, and go without
	}
	os.Remove(part)
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return
	}
	err = encodeManifest(f, files, time.Now())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil || os.Rename(part, name) != nil {
		os.Remove(part)
	}
}
