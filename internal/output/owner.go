package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrBusy is returned by Begin while another build writes the same -dest.
var ErrBusy = errors.New("another inspectsite build is writing to this -dest")

// lockHeader starts every lock file, so that a file of the same name that
// inspectsite did not write is never overwritten.
const lockHeader = "inspectsite build lock: held by the build writing the folder beside it\n"

// ownerFile, inside a temporary folder, says which build made it. It is
// removed just before the folder is committed, so no site holds one.
const ownerFile = ".inspectsite-build"

// record is what a lock file says about the build holding it: who it is,
// and which temporary and set-aside folders it made. A build that finds a
// record left by one that died cleans up after it, and only after it.
type record struct {
	pid     int
	started time.Time
	temp    string // name of its temporary folder, beside -dest
	aside   string // name the old site was moved to during a two-step swap
}

func (r record) String() string {
	var b strings.Builder
	b.WriteString(lockHeader)
	if r.pid != 0 {
		fmt.Fprintf(&b, "pid %d\nstarted %s\n", r.pid, r.started.UTC().Format(time.RFC3339Nano))
	}
	if r.temp != "" {
		fmt.Fprintf(&b, "temp %s\n", r.temp)
	}
	if r.aside != "" {
		fmt.Fprintf(&b, "aside %s\n", r.aside)
	}
	return b.String()
}

// parseRecord reads a lock file; a torn or empty one gives an empty record.
func parseRecord(b []byte) record {
	var r record
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), " ")
		switch key {
		case "pid":
			r.pid, _ = strconv.Atoi(val)
		case "started":
			r.started, _ = time.Parse(time.RFC3339Nano, val)
		case "temp":
			r.temp = val
		case "aside":
			r.aside = val
		}
	}
	return r
}

// owner is a build's hold on its -dest: the locked file beside it.
type owner struct {
	dest string
	f    *os.File
	rec  record
}

func lockName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock")
}

// acquire takes the lock file beside dest for this build, and returns the
// record the previous holder left (empty if it finished cleanly).
func acquire(dest string) (*owner, record, error) {
	name := lockName(dest)
	if fi, err := os.Lstat(name); err == nil && !fi.Mode().IsRegular() {
		return nil, record{}, fmt.Errorf("%s: %w: the lock file %s is not a regular file; move it away", dest, ErrRefused, name)
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, record{}, &Error{Path: name, Err: err}
	}
	if err := lockFile(f); err != nil {
		held := readRecord(f)
		f.Close()
		if errors.Is(err, errLocked) {
			who := ""
			if held.pid != 0 {
				who = fmt.Sprintf(" (pid %d, started %s)", held.pid, held.started.UTC().Format("2006-01-02 15:04:05 UTC"))
			}
			return nil, record{}, fmt.Errorf("%s: %w%s; run again when it has finished", dest, ErrBusy, who)
		}
		return nil, record{}, &Error{Path: name, Err: err}
	}
	prev, err := readOurs(f)
	if err != nil {
		f.Close()
		return nil, record{}, fmt.Errorf("%s: %w: %s exists and inspectsite did not write it; move it away", dest, ErrRefused, name)
	}
	o := &owner{dest: dest, f: f, rec: record{pid: os.Getpid(), started: now()}}
	if err := o.save(); err != nil {
		o.release()
		return nil, record{}, err
	}
	return o, prev, nil
}

// now is the clock the lock record reads; tests may set it.
var now = time.Now

func readRecord(f *os.File) record {
	b, _ := os.ReadFile(f.Name())
	return parseRecord(b)
}

// readOurs reads the lock file, refusing one that has text inspectsite
// would not have written.
func readOurs(f *os.File) (record, error) {
	b, err := os.ReadFile(f.Name())
	if err != nil {
		return record{}, err
	}
	if len(b) > 0 && !bytes.HasPrefix(b, []byte(lockHeader)) && !bytes.HasPrefix([]byte(lockHeader), b) {
		return record{}, errors.New("not a lock file")
	}
	return parseRecord(b), nil
}

// save writes the record to the lock file. It is written before each step
// it describes, so a build killed at any moment leaves a record that
// names everything it made.
func (o *owner) save() error {
	s := o.rec.String()
	if err := o.f.Truncate(0); err != nil {
		return &Error{Path: o.f.Name(), Err: err}
	}
	if _, err := o.f.WriteAt([]byte(s), 0); err != nil {
		return &Error{Path: o.f.Name(), Err: err}
	}
	return nil
}

// release marks the build finished and lets the next one in. The lock file
// itself stays: removing a locked file would let two builds lock two files.
func (o *owner) release() {
	if o == nil || o.f == nil {
		return
	}
	o.rec = record{}
	o.save()
	unlockFile(o.f)
	o.f.Close()
	o.f = nil
}

// cleanUp removes what a build that died left beside dest. It runs with
// the lock held, so no build that could still be using them is alive.
// Only folders that carry inspectsite's marks go: a temporary folder with
// its owner file, a set-aside site with its site marker, each with a name
// read literally from the record or matched literally, never as a pattern.
func (o *owner) cleanUp(prev record) {
	parent, base := filepath.Dir(o.dest), filepath.Base(o.dest)
	if prev.aside != "" && isAsideName(base, prev.aside) {
		aside := filepath.Join(parent, prev.aside)
		if hasMark(aside, Marker) {
			_, err := os.Lstat(o.dest)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				os.Rename(aside, o.dest) // killed between the two renames of a swap
			case err == nil && hasMark(o.dest, Marker):
				removeSite(aside) // killed after the swap, before the old site went
			}
		}
	}
	if prev.temp != "" && isTempName(base, prev.temp) {
		t := filepath.Join(parent, prev.temp)
		if hasMark(t, ownerFile) || hasMark(t, Marker) {
			removeSite(t)
		}
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && isTempName(base, e.Name()) && hasMark(filepath.Join(parent, e.Name()), ownerFile) {
			removeSite(filepath.Join(parent, e.Name()))
		}
	}
}

// tempPrefix is how a build's temporary folder is named, beside -dest.
func tempPrefix(base string) string { return "." + base + ".new-" }

// isTempName reports a name os.MkdirTemp gives for tempPrefix: the prefix
// followed by digits only.
func isTempName(base, name string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix(base))
	return ok && digits(rest)
}

func asidePrefix(base string) string { return "." + base + ".old-" }

func isAsideName(base, name string) bool {
	rest, ok := strings.CutPrefix(name, asidePrefix(base))
	return ok && digits(rest)
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// hasMark reports whether dir is a real folder (not a link) holding the
// regular file mark.
func hasMark(dir, mark string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	mi, err := os.Lstat(filepath.Join(dir, mark))
	return err == nil && mi.Mode().IsRegular()
}
