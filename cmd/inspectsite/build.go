package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/output"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build")
	var opts build.Options
	siteFlags(fs, &opts)
	fs.StringVar(&opts.Dest, "dest", "", "output `folder` (default SOURCE/public); never the site folder, content/ or templates/")
	fs.StringVar(&opts.BaseURL, "base-url", "", "absolute `URL` the site is published at, e.g. https://example.org/sub/ (default base_url in site.toml)")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on any warning or error, writing nothing")
	timings := fs.Bool("timings", false, "print how long each stage took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `FILE` (go tool pprof)")
	if code, ok := parseFlags(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	opts, err := build.Prepare(opts)
	if err != nil {
		return refused(stderr, "build", err)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return refused(stderr, "build", err)
		}
		defer stop()
	}
	res, err := build.Build(opts)
	if *memProfile != "" {
		if perr := writeHeapProfile(*memProfile); perr != nil {
			fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(perr.Error()))
		}
	}
	printDiags(stderr, res)
	if *timings && res != nil {
		for _, t := range res.Timings {
			fmt.Fprintf(stderr, "%-14s %8.1f ms\n", t.Stage, float64(t.Took.Microseconds())/1000)
		}
		if res.Committed {
			fmt.Fprintf(stderr, "%-14s %8d files read back (the manifest could not vouch for them)\n", "compared", res.Compared)
		}
	}
	var fatal *build.FatalError
	var usage *build.UsageError
	switch {
	case errors.As(err, &usage):
		return refused(stderr, "build", err)
	case errors.Is(err, output.ErrRefused):
		fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(err.Error()))
		return 2
	case errors.As(err, &fatal):
		why := build.Count(res.Errors, "error")
		if opts.Strict && res.Warnings > 0 {
			why += " and " + build.Count(res.Warnings, "warning") + " (-strict)"
		}
		fmt.Fprintf(stderr, "inspectsite build: stopped by %s; nothing was written, any previous site is as it was\n", why)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(err.Error()))
		return 1
	}
	fmt.Fprintln(stdout, res.Summary())
	if res.Errors > 0 {
		return 1
	}
	return 0
}

// startCPUProfile profiles the process into file until the returned stop.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile records what is in memory now, and what was allocated.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.Lookup("heap").WriteTo(f, 0)
}
