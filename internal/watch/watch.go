// Package watch reports changes to a site's source files in settled
// batches. It wraps fsnotify, which is not recursive: it adds every folder
// under the watched roots, adds new folders as they appear (reporting the
// files already inside them), watches the site folder itself for its
// configuration file (editors save by renaming over the file), drops editor
// temporary files and pure permission changes, and waits for a quiet period
// so that a burst of writes becomes one batch.
//
// It knows nothing of what the files mean; the caller decides what a batch
// rebuilds.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is one settled set of changes.
type Batch struct {
	// Paths changed, slash-separated and relative to the site folder, sorted.
	Paths []string
	// Full asks for a full rebuild: events were lost (queue overflow), or
	// a folder appeared or vanished.
	Full bool
}

// Options configure a Watcher.
type Options struct {
	Root  string   // the site folder
	Dirs  []string // folders under Root to watch recursively ("content", "templates")
	Files []string // files directly in Root to watch ("site.toml")
	Quiet time.Duration
	// BurstLimit: a batch of more paths than this asks for a full rebuild.
	BurstLimit int
}

// Watcher delivers batches on C until Close.
type Watcher struct {
	C    <-chan Batch
	Errs <-chan error

	opts    Options
	fsw     *fsnotify.Watcher
	out     chan Batch
	errs    chan error
	done    chan struct{}
	wg      sync.WaitGroup
	watched map[string]bool
}

// New starts watching. An error from the system's watch limits says which
// limit to raise.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet == 0 {
		opts.Quiet = 100 * time.Millisecond
	}
	if opts.BurstLimit == 0 {
		opts.BurstLimit = 500
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	opts.Root = root
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, limitError(err)
	}
	w := &Watcher{opts: opts, fsw: fsw, out: make(chan Batch, 1), errs: make(chan error, 4),
		done: make(chan struct{}), watched: map[string]bool{}}
	w.C, w.Errs = w.out, w.errs
	if err := w.add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	// A watched file is watched through its folder: editors replace files
	// by renaming, which a watch on the file itself would lose.
	for _, f := range opts.Files {
		if dir := filepath.Dir(filepath.Join(root, f)); dir != root {
			if err := w.add(dir); err != nil {
				fsw.Close()
				return nil, err
			}
		}
	}
	for _, d := range opts.Dirs {
		if _, err := w.addTree(filepath.Join(root, d)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Close stops the watcher and waits for its goroutine to end.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.fsw.Close()
	w.wg.Wait()
	return err
}

func (w *Watcher) add(dir string) error {
	if w.watched[dir] {
		return nil
	}
	if err := w.fsw.Add(dir); err != nil {
		return limitError(fmt.Errorf("watching %s: %w", dir, err))
	}
	w.watched[dir] = true
	return nil
}

// addTree watches dir and every folder below it, and returns the files
// already inside (a folder moved in arrives whole, with one event).
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.add(p)
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// limitError explains the system limits fsnotify runs into on Linux.
func limitError(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%w\nthe system's limit on watched folders is reached: raise it with\n  sudo sysctl fs.inotify.max_user_watches=524288\n(add the line to /etc/sysctl.conf to keep it)", err)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("%w\nthe system's limit on file watchers is reached: raise it with\n  sudo sysctl fs.inotify.max_user_instances=1024\nor close other programs that watch files", err)
	}
	return err
}

// Ignored reports editor temporary and backup files, by name.
func Ignored(name string) bool {
	base := filepath.Base(name)
	switch {
	case base == "4913", // vim's write test
		strings.HasPrefix(base, "."), // dot files: .swp, .#lock, .goutputstream-*
		strings.HasSuffix(base, "~"),
		strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".swpx"),
		strings.HasSuffix(base, "___jb_tmp___"), strings.HasSuffix(base, "___jb_old___"),
		strings.HasSuffix(base, ".bck"), strings.HasSuffix(base, ".tmp"), strings.HasSuffix(base, ".crswap"):
		return true
	}
	return false
}

// relevant reports whether an event's path is one the caller watches.
func (w *Watcher) relevant(abs string) (string, bool) {
	rel, err := filepath.Rel(w.opts.Root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if Ignored(rel) {
		return "", false
	}
	for _, f := range w.opts.Files {
		if rel == f {
			return rel, true
		}
	}
	for _, d := range w.opts.Dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return rel, true
		}
	}
	return "", false
}

// loop gathers events until the quiet period passes, then sends a batch.
// If the receiver is still busy with the previous batch, changes keep
// gathering into the next one: nothing is lost and nothing queues up.
func (w *Watcher) loop() {
	defer w.wg.Done()
	pending := map[string]bool{}
	full := false
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var send chan Batch
	var ready Batch
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if w.handle(ev, pending) {
				full = true
			}
			timer.Reset(w.opts.Quiet)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				full = true
				timer.Reset(w.opts.Quiet)
				continue
			}
			select {
			case w.errs <- err:
			default:
			}
		case <-timer.C:
			if len(pending) == 0 && !full {
				continue
			}
			ready = w.merge(ready, pending, full)
			pending, full = map[string]bool{}, false
			send = w.out
		case send <- ready:
			ready, send = Batch{}, nil
		}
	}
}

// merge adds pending changes to a batch that is waiting to be sent.
func (w *Watcher) merge(b Batch, pending map[string]bool, full bool) Batch {
	set := map[string]bool{}
	for _, p := range b.Paths {
		set[p] = true
	}
	for p := range pending {
		set[p] = true
	}
	b.Paths = b.Paths[:0]
	for p := range set {
		b.Paths = append(b.Paths, p)
	}
	sort.Strings(b.Paths)
	b.Full = b.Full || full || len(b.Paths) > w.opts.BurstLimit
	return b
}

// handle records one event; it reports whether the change needs a full
// rebuild (a folder appeared or vanished).
func (w *Watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil {
				select {
				case w.errs <- err:
				default:
				}
			}
			for _, f := range files {
				if r, ok := w.relevant(f); ok {
					pending[r] = true
				}
			}
			pending[rel] = true
			return true
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if w.watched[ev.Name] {
			delete(w.watched, ev.Name)
			pending[rel] = true
			return true
		}
	}
	pending[rel] = true
	return false
}
