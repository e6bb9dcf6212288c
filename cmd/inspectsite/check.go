package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/inspectsite/inspectsite/internal/build"
	"github.com/inspectsite/inspectsite/internal/diag"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check")
	var opts build.Options
	siteFlags(fs, &opts)
	explain := fs.String("explain", "", "explain how one document `FILE` is read, field by field, instead of checking the site")
	if code, ok := parseFlags(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	opts, err := build.Prepare(opts)
	if err != nil {
		return refused(stderr, "check", err)
	}
	if *explain != "" {
		if err := build.Explain(opts, *explain, stdout); err != nil {
			fmt.Fprintf(stderr, "inspectsite check: %s\n", diag.Printable(err.Error()))
			return 1
		}
		return 0
	}
	res, err := build.Check(opts)
	printDiags(stderr, res)
	var fatal *build.FatalError
	switch {
	case errors.As(err, &fatal):
		fmt.Fprintf(stderr, "inspectsite check: stopped by %s before the links could be checked\n", build.Count(res.Errors, "error"))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "inspectsite check: %s\n", diag.Printable(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "checked %s: %s, %s\n", build.Count(len(res.Site.Reports), "document"),
		build.Count(res.Errors, "error"), build.Count(res.Warnings, "warning"))
	if res.Errors > 0 {
		return 1
	}
	return 0
}
