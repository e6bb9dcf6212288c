package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
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
	Log         io.Writer
	// Rebuilt, when set, is called after every rebuild (tests).
	Rebuilt func(*build.Result)
}

// Run builds the site, serves it, and rebuilds on every change until ctx is
// cancelled. It returns an error only for what stops it from serving: a
// port in use, or a watcher the system will not give.
func Run(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	// Watch before the first build, so that no edit made during it is lost.
	w, err := watch.New(watch.Options{Root: opts.Build.Source, Dirs: []string{build.ContentDir, "templates"},
		Files: []string{configName(opts.Build)}, Quiet: opts.Quiet})
	if err != nil {
		return err
	}
	defer w.Close()
	sess := build.NewSession(opts.Build)
	res := sess.Rebuild(nil, true)
	report(log, res)

	ln := opts.Listener
	if ln == nil {
		if warn := addrWarning(opts.Addr); warn != "" {
			fmt.Fprintln(log, warn)
		}
		if ln, err = net.Listen("tcp", opts.Addr); err != nil {
			return err
		}
	}
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
			srv.Close()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			hs.Shutdown(shut)
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case err := <-w.Errs:
			fmt.Fprintf(log, "watch: %s\n", diag.Printable(err.Error()))
		case b := <-w.C:
			res := sess.Rebuild(b.Paths, b.Full)
			report(log, res)
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

func configName(o build.Options) string {
	if o.ConfigFile != "" {
		return o.ConfigFile
	}
	return build.ConfigFile
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

func report(w io.Writer, res *build.Result) {
	for _, d := range res.Diags {
		fmt.Fprintln(w, d)
	}
	switch {
	case res.Errors > 0 && res.Site == nil:
		fmt.Fprintf(w, "build failed (%d errors): still serving the last good site\n", res.Errors)
	case res.Errors > 0:
		fmt.Fprintf(w, "build has %d errors: still serving the last good site\n", res.Errors)
	default:
		fmt.Fprintf(w, "rebuilt %d reports in %s\n", len(res.Site.Reports), res.Elapsed.Round(time.Millisecond))
	}
}
