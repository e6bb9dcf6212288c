package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/watch"
)

// Options configure Run.
type Options struct {
	Build    build.Options
	Addr     string       // host:port to listen on; default 127.0.0.1:1313
	Listener net.Listener // used instead of Addr when set (tests)
	NoReload bool
	Quiet    time.Duration // the watcher's quiet period; default 100 ms
	// IdleTimeout closes idle keep-alive connections; default 30 s (tests).
	IdleTimeout time.Duration
	Log         io.Writer // what serve is doing: built, rebuilt, serving on
	Diags       io.Writer // the diagnostics of each build; default Log
	// Rebuilt, when set, is called after every rebuild (tests).
	Rebuilt func(*build.Result)
}

// Run builds the site, serves it, and rebuilds on every change until ctx is
// cancelled, which it answers at once, even in the middle of a build. It
// returns an error only for what stops it from serving: options that
// build.Prepare refuses, a port in use (found before the first build), or
// a watcher the system will not give.
func Run(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	diags := opts.Diags
	if diags == nil {
		diags = log
	}
	var err error
	if opts.Build, err = build.Prepare(opts.Build); err != nil {
		return err
	}
	ln := opts.Listener
	if ln == nil {
		if warn := addrWarning(opts.Addr); warn != "" {
			fmt.Fprintln(log, warn)
		}
		if ln, err = net.Listen("tcp", opts.Addr); err != nil {
			return listenError(opts.Addr, err)
		}
	}
	defer ln.Close()
	// Watch before the first build, so that no edit made during it is lost.
	// A -config outside the site folder (build.Prepare left it absolute)
	// is read at the start only.
	var files []string
	if c := build.ConfigName(opts.Build); !filepath.IsAbs(c) {
		files = append(files, c)
	}
	w, err := watch.New(watch.Options{Root: opts.Build.Source, Dirs: []string{build.ContentDir, "templates"},
		Files: files, Quiet: opts.Quiet})
	if err != nil {
		return err
	}
	defer w.Close()
	sess := build.NewSession(opts.Build)
	res, ok := rebuild(ctx, sess, watch.Batch{Full: true})
	if !ok {
		return nil
	}
	report(log, diags, res, nil)
	basePath := "/"
	if res.Site != nil {
		basePath = res.Site.Config.BasePath()
	}
	srv := NewServer(basePath, ln.Addr().String(), !opts.NoReload)
	srv.Lazy = sess.Lazy
	srv.Update(sess.Files(), problemText(res), false)
	if opts.Rebuilt != nil {
		opts.Rebuilt(res)
	}

	hs := newHTTPServer(srv, opts.IdleTimeout)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(log, "serving on http://%s%s (Ctrl-C to stop)\n", ln.Addr(), basePath)

	for {
		select {
		case <-ctx.Done():
			// Open pages hold their event streams until srv.Close; a
			// request still being answered gets a moment, then is cut.
			srv.Close()
			shut, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			if hs.Shutdown(shut) != nil {
				hs.Close()
			}
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-w.Errs:
			fmt.Fprintf(diags, "watch: %s\n", diag.Printable(err.Error()))
		case b := <-w.C:
			res, ok := rebuild(ctx, sess, b)
			if !ok {
				srv.Close()
				hs.Close()
				return nil
			}
			report(log, diags, res, &b)
			if rel := res.Site; rel != nil && rel.Config.BasePath() != basePath {
				fmt.Fprintf(log, "base_url changed: restart inspectsite serve to serve under %s\n", rel.Config.BasePath())
			}
			srv.Update(sess.Files(), problemText(res), cssOnly(b))
			if opts.Rebuilt != nil {
				opts.Rebuilt(res)
			}
		}
	}
}

// cssOnly reports a batch that changed nothing but stylesheets.
func cssOnly(b watch.Batch) bool {
	if b.Full || len(b.Paths) == 0 {
		return false
	}
	for _, p := range b.Paths {
		if !strings.HasPrefix(p, "templates/") || !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return true
}

// problemText is what the overlay shows: every error, one per line.
func problemText(res *build.Result) string {
	if res.Errors == 0 {
		return ""
	}
	var lines []string
	for _, d := range res.Diags {
		if d.Severity.String() == "error" {
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}

// rebuild runs one rebuild, giving up waiting for it when ctx is cancelled
// (serve is stopping; the session is dropped with whatever it was doing).
func rebuild(ctx context.Context, sess *build.Session, b watch.Batch) (*build.Result, bool) {
	done := make(chan *build.Result, 1)
	go func() { done <- sess.Rebuild(b.Paths, b.Full) }()
	select {
	case res := <-done:
		return res, true
	case <-ctx.Done():
		return nil, false
	}
}

// listenError says what to do about an address serve cannot listen on.
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%s is already in use (another inspectsite serve?): stop that, or choose another address with -addr, such as -addr 127.0.0.1:1314", addr)
	}
	return fmt.Errorf("cannot listen on %s: %v (choose another address with -addr)", addr, err)
}

// report prints a build's diagnostics and a line saying what it did. The
// first build (b nil) prints every diagnostic; a rebuild prints those of
// the documents it read again and those about anything else (site.toml,
// templates), so an unchanged document's warning is said once, not after
// every edit.
func report(log, diags io.Writer, res *build.Result, b *watch.Batch) {
	reread := map[string]bool{}
	for _, name := range res.Reread {
		reread[name] = true
	}
	for _, d := range res.Diags {
		if b == nil || !strings.HasPrefix(d.Path, build.ContentDir+"/") || reread[d.Path] {
			fmt.Fprintln(diags, d)
		}
	}
	took := res.Elapsed.Round(time.Millisecond)
	switch {
	case res.Errors > 0 && res.Site == nil:
		fmt.Fprintf(log, "build failed (%s): still serving the last good site\n", build.Count(res.Errors, "error"))
	case res.Errors > 0:
		fmt.Fprintf(log, "build has %s: still serving the last good site\n", build.Count(res.Errors, "error"))
	case b == nil:
		fmt.Fprintf(log, "built %s in %s\n", build.Count(len(res.Site.Reports), "report"), took)
	default:
		var other []string
		for _, p := range b.Paths {
			if !strings.HasPrefix(p, build.ContentDir+"/") {
				other = append(other, p)
			}
		}
		what := build.Count(len(res.Reread), "changed document")
		if len(other) > 0 {
			what = fmt.Sprintf("after changes to %s (%s read again)", strings.Join(other, ", "), build.Count(len(res.Reread), "document"))
		}
		fmt.Fprintf(log, "rebuilt %s in %s\n", what, took)
	}
}
