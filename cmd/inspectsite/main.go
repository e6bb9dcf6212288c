// Command inspectsite builds an accessible static site from CPS responses to
// HMCPSI inspections. See README.md; each subcommand is one function here.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
	"github.com/inspectsite/inspectsite/internal/output"
	"github.com/inspectsite/inspectsite/internal/serve"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `usage:
  inspectsite build [-source DIR] [-dest DIR] [-config FILE] [-base-url URL] [-strict] [-timings] [-cpuprofile FILE] [-memprofile FILE]
  inspectsite serve [-addr 127.0.0.1:1313] [-source DIR] [-config FILE] [-no-reload]
  inspectsite check [-source DIR] [-config FILE]
  inspectsite version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "inspectsite %s\n", version)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "inspectsite: unknown command %q\n%s", args[0], usage)
		return 2
	}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("inspectsite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder holding site.toml, content/ and templates/")
	fs.StringVar(&opts.Dest, "dest", "", "output folder (default SOURCE/public)")
	fs.StringVar(&opts.ConfigFile, "config", build.ConfigFile, "configuration file, relative to -source")
	fs.StringVar(&opts.BaseURL, "base-url", "", "base URL the site is served from, e.g. https://example.org/sub/")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on any warning or error, writing nothing")
	timings := fs.Bool("timings", false, "print how long each stage took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `FILE` (go tool pprof)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "inspectsite build: unexpected argument %q\n", fs.Arg(0))
		}
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(err.Error()))
			return 2
		}
		defer stop()
	}
	res, err := build.Build(opts)
	if *memProfile != "" {
		if perr := writeHeapProfile(*memProfile); perr != nil {
			fmt.Fprintf(stderr, "inspectsite build: %v\n", perr)
		}
	}
	printDiags(stderr, res)
	if *timings && res != nil {
		for _, t := range res.Timings {
			fmt.Fprintf(stderr, "%-14s %8.1f ms\n", t.Stage, float64(t.Took.Microseconds())/1000)
		}
	}
	var fatal *build.FatalError
	switch {
	case errors.Is(err, output.ErrRefused):
		fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(err.Error()))
		return 2
	case errors.As(err, &fatal):
		fmt.Fprintf(stderr, "inspectsite build: %s\n", diag.Printable(err.Error()))
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

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "site folder holding site.toml, content/ and templates/")
	fs.StringVar(&opts.ConfigFile, "config", build.ConfigFile, "configuration file, relative to -source")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	res, err := build.Check(opts)
	printDiags(stdout, res)
	if err != nil {
		fmt.Fprintf(stderr, "inspectsite check: %s\n", diag.Printable(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "checked %d documents: %d errors, %d warnings\n", len(res.Site.Reports), res.Errors, res.Warnings)
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

func printDiags(w io.Writer, res *build.Result) {
	if res == nil {
		return
	}
	for _, d := range res.Diags {
		fmt.Fprintln(w, d)
	}
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	var opts serve.Options
	fs.StringVar(&opts.Addr, "addr", "127.0.0.1:1313", "address to serve on")
	fs.StringVar(&opts.Build.Source, "source", ".", "site folder holding site.toml, content/ and templates/")
	fs.StringVar(&opts.Build.ConfigFile, "config", build.ConfigFile, "configuration file, relative to -source")
	fs.BoolVar(&opts.NoReload, "no-reload", false, "do not reload open pages after a rebuild")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	opts.Log = stdout
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, opts); err != nil {
		fmt.Fprintf(stderr, "inspectsite serve: %s\n", diag.Printable(err.Error()))
		return 1
	}
	return 0
}
