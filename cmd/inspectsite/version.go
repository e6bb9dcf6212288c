package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func cmdVersion(args []string, stdout, stderr io.Writer) int {
	if code, ok := parseFlags(newFlags("version"), args, 0, stdout, stderr); !ok {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info))
	return 0
}

// versionLine says which code a binary was built from, from what the Go
// tool records in it: the module version (v1.2.3 from go install @v1.2.3,
// "(devel)" from a clone), the VCS revision and time, whether the tree had
// uncommitted changes, and the Go version.
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "inspectsite (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var parts []string
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += "-dirty"
		}
		parts = append(parts, "revision "+rev)
	}
	if when != "" {
		parts = append(parts, when)
	}
	parts = append(parts, info.GoVersion)
	return fmt.Sprintf("inspectsite %s (%s)", version, strings.Join(parts, ", "))
}
