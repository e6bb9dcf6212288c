package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve")
	var opts serve.Options
	fs.StringVar(&opts.Addr, "addr", "127.0.0.1:1313", "`host:port` to serve on")
	siteFlags(fs, &opts.Build)
	fs.BoolVar(&opts.NoReload, "no-reload", false, "do not reload open pages after a rebuild")
	if code, ok := parseFlags(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	opts.Log, opts.Diags = stdout, stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := serve.Run(ctx, opts)
	var usage *build.UsageError
	switch {
	case errors.As(err, &usage):
		return refused(stderr, "serve", err)
	case err != nil:
		fmt.Fprintf(stderr, "inspectsite serve: %s\n", diag.Printable(err.Error()))
		return 1
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stdout, "stopped")
	}
	return 0
}
