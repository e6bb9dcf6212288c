package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
)

// UsageError is a mistake in what inspectsite was asked to do, found before
// anything is read or written: a folder that is not a site, a missing
// configuration file, an output folder that would overwrite the input, a
// base URL that cannot work.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// Prepare checks opts before a build, a check or a preview begins and
// returns them with the configuration file's path made relative to the
// site folder where it lies inside it. Every error is a *UsageError.
func Prepare(opts Options) (Options, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	fi, err := os.Stat(opts.Source)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return opts, usagef("-source %s: no such folder", opts.Source)
	case err != nil:
		return opts, usagef("-source %s: %v", opts.Source, err)
	case !fi.IsDir():
		return opts, usagef("-source %s is a file, not a site folder", opts.Source)
	}
	srcAbs, err := absolute(opts.Source)
	if err != nil {
		return opts, usagef("-source %s: %v", opts.Source, err)
	}

	if opts.ConfigFile != "" {
		p := opts.ConfigFile
		if !filepath.IsAbs(p) {
			p = filepath.Join(opts.Source, p)
		}
		fi, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			where := ""
			if !filepath.IsAbs(opts.ConfigFile) {
				where = fmt.Sprintf(" (a relative -config is read from the -source folder, %s)", opts.Source)
			}
			return opts, usagef("-config %s: no such file%s", opts.ConfigFile, where)
		case err != nil:
			return opts, usagef("-config %s: %v", opts.ConfigFile, err)
		case fi.IsDir():
			return opts, usagef("-config %s is a folder, not a TOML file", opts.ConfigFile)
		}
		if abs, err := absolute(p); err == nil {
			if rel, ok := within(srcAbs, abs); ok {
				opts.ConfigFile = filepath.ToSlash(rel)
			} else {
				opts.ConfigFile = abs
			}
		}
	} else if !exists(filepath.Join(opts.Source, ContentDir)) && !exists(filepath.Join(opts.Source, ConfigFile)) {
		return opts, usagef("%s is not a site folder: it holds neither %s/ nor %s (start one with: inspectsite new DIR)",
			opts.Source, ContentDir, ConfigFile)
	}

	if opts.Dest != "" {
		destAbs, err := absolute(opts.Dest)
		if err != nil {
			return opts, usagef("-dest %s: %v", opts.Dest, err)
		}
		if _, ok := within(destAbs, srcAbs); ok {
			return opts, usagef("-dest %s would replace the site folder %s with the built site", opts.Dest, opts.Source)
		}
		for _, dir := range []string{ContentDir, "templates"} {
			if _, ok := within(filepath.Join(srcAbs, dir), destAbs); ok {
				return opts, usagef("-dest %s is inside the site's %s/ folder, so later builds would read their own output as input; choose a folder outside it", opts.Dest, dir)
			}
		}
	}

	if opts.BaseURL != "" {
		if err := config.CheckBaseURL(opts.BaseURL); err != nil {
			return opts, usagef("-base-url: %v", err)
		}
	}
	return opts, nil
}

// absolute is path made absolute with symbolic links resolved as far as
// the path exists, so that two names of one folder compare equal.
func absolute(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path is dir or lies under it, with path relative
// to dir.
func within(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
