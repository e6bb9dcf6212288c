// Command inspectsite builds an accessible static site from CPS responses to
// HMCPSI inspections. See README.md; each subcommand is one function, in a
// file of its own.
//
// Conventions every command keeps: diagnostics go to stderr and the one-line
// summary to stdout; `inspectsite help COMMAND` and `COMMAND -h` print the
// command's purpose and flags on stdout; exit 0 ok, 1 content or template
// errors, 2 a mistake on the command line, refused before anything is
// written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// A subcommand is one command: what it is for, and the function running it.
type subcommand struct {
	name    string
	args    string // what follows the flags in its usage line
	purpose string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands []subcommand

func init() {
	commands = []subcommand{
		{"build", "", "Read the site folder and write the whole site to -dest, replacing the previous output only once the new one is complete.", cmdBuild},
		{"serve", "", "Build the site, serve it on loopback, and rebuild and reload open pages on every edit of content/, templates/ or site.toml.", cmdServe},
		{"check", "", "Read every document and check every link of the site as build would write it; print diagnostics, write nothing.", cmdCheck},
		{"new", "DIR", "Start a site in DIR (which must be empty or absent): a commented site.toml and content/ with one example document.", cmdNew},
		{"help", "[COMMAND]", "Print what a command is for and its flags.", cmdHelp},
		{"version", "", "Print the version and source revision this binary was built from.", cmdVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printOverview(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printOverview(stdout)
		return 0
	case "-version", "--version":
		return cmdVersion(nil, stdout, stderr)
	}
	if c := lookup(args[0]); c != nil {
		return c.run(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "inspectsite: unknown command %q (run 'inspectsite help' for the list)\n", args[0])
	return 2
}

func lookup(name string) *subcommand {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func printOverview(w io.Writer) {
	fmt.Fprint(w, "inspectsite builds an accessible static site from CPS responses to HMCPSI inspections.\n\nusage: inspectsite COMMAND [flags]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.purpose)
	}
	fmt.Fprint(w, "\nRun 'inspectsite help COMMAND' for a command's flags.\n")
}

func cmdHelp(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("help")
	code, ok := parseFlags(fs, args, 1, stdout, stderr)
	if !ok {
		return code
	}
	if fs.NArg() == 0 {
		printOverview(stdout)
		return 0
	}
	c := lookup(fs.Arg(0))
	if c == nil {
		fmt.Fprintf(stderr, "inspectsite help: unknown command %q (run 'inspectsite help' for the list)\n", fs.Arg(0))
		return 2
	}
	return c.run([]string{"-h"}, stdout, stderr)
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags says what went wrong, once
	return fs
}

// parseFlags parses a command's arguments, allowing at most maxArgs
// arguments after the flags. When it returns ok false the command is over
// and code is its exit status: 0 after -h (help on stdout), 2 after a
// mistake (named on stderr).
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int, stdout, stderr io.Writer) (code int, ok bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printHelp(stdout, fs)
		return 0, false
	case err != nil:
		fmt.Fprintf(stderr, "inspectsite %s: %v\nrun 'inspectsite help %s' for its flags\n", fs.Name(), err, fs.Name())
		return 2, false
	case fs.NArg() > maxArgs:
		extra := fs.Args()[maxArgs:]
		fmt.Fprintf(stderr, "inspectsite %s: unexpected argument %q", fs.Name(), extra[0])
		for _, a := range fs.Args() {
			if strings.HasPrefix(a, "-") {
				fmt.Fprint(stderr, " (flags go before arguments)")
				break
			}
		}
		fmt.Fprintf(stderr, "\nrun 'inspectsite help %s' for its usage\n", fs.Name())
		return 2, false
	}
	return 0, true
}

// printHelp prints a command's usage line, purpose and flags.
func printHelp(w io.Writer, fs *flag.FlagSet) {
	c := lookup(fs.Name())
	usage := "inspectsite " + c.name
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		usage += " [flags]"
	}
	if c.args != "" {
		usage += " " + c.args
	}
	fmt.Fprintf(w, "usage: %s\n\n%s\n", usage, c.purpose)
	if hasFlags {
		fmt.Fprint(w, "\nflags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// siteFlags are the flags that say which site to read, shared by build,
// serve and check.
func siteFlags(fs *flag.FlagSet, opts *build.Options) {
	fs.StringVar(&opts.Source, "source", ".", "site `folder` holding site.toml, content/ and templates/")
	fs.StringVar(&opts.ConfigFile, "config", "", "configuration `file`, relative to -source or absolute (default SOURCE/site.toml, else the built-in one)")
}

// refused says why a command will not start, and gives exit status 2.
func refused(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "inspectsite %s: %s\n", name, diag.Printable(err.Error()))
	return 2
}

func printDiags(w io.Writer, res *build.Result) {
	if res == nil {
		return
	}
	for _, d := range res.Diags {
		fmt.Fprintln(w, d)
	}
}
