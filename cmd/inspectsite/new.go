package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// newsite is the starter site `inspectsite new` writes.
//
//go:embed newsite
var newsite embed.FS

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new")
	if code, ok := parseFlags(fs, args, 1, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "inspectsite new: name the folder to make the site in, as in: inspectsite new my-site\n")
		return 2
	}
	dir := fs.Arg(0)
	if err := refuseNonEmpty(dir); err != nil {
		return refused(stderr, "new", err)
	}
	files, err := writeStarter(dir)
	if err != nil {
		fmt.Fprintf(stderr, "inspectsite new: %s\n", diag.Printable(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "made a site in %s: %s\n", dir, strings.Join(files, ", "))
	fmt.Fprintf(stdout, "next: cd %s && inspectsite serve, then replace content/example.txt with your documents and set base_url in site.toml before publishing\n", shellWord(dir))
	return 0
}

// refuseNonEmpty allows a folder that does not exist yet or is empty.
func refuseNonEmpty(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is a file, not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty (it holds %s): choose a new folder, so nothing of yours is overwritten", dir, entries[0].Name())
	}
	return nil
}

// writeStarter copies the starter site into dir, returning the files it
// wrote, slash-separated and relative to dir.
func writeStarter(dir string) ([]string, error) {
	var files []string
	err := fs.WalkDir(newsite, "newsite", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, "newsite"), "/")
		target := filepath.Join(dir, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := newsite.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, rel)
		return os.WriteFile(target, data, 0o644)
	})
	return files, err
}

// shellWord quotes a folder name for a command line when it needs it.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
