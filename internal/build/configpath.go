package build

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// ConfigPath is the configuration file -config names, as a slash path
// inside the site folder: the site is read through an fs.FS rooted there.
// An absolute path inside -source is made relative to it; a path outside
// it is an error that says so (not the file system's "invalid argument").
func ConfigPath(opts Options) (string, error) {
	name := opts.ConfigFile
	if name == "" {
		return ConfigFile, nil
	}
	if filepath.IsAbs(name) {
		src, err := filepath.Abs(opts.Source)
		if err != nil {
			return "", err
		}
		rel, err := filepath.Rel(src, name)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("-config %s is an absolute path outside -source (%s): the configuration file must be inside the site folder; give its path relative to -source", name, src)
		}
		name = rel
	}
	slash := filepath.ToSlash(filepath.Clean(name))
	if !fs.ValidPath(slash) {
		return "", fmt.Errorf("-config %s leaves -source: the configuration file must be inside the site folder; give its path relative to -source", name)
	}
	return slash, nil
}

// loadOptionsConfig is LoadConfig for the file opts names.
func loadOptionsConfig(src fs.FS, opts Options) (*config.Config, []diag.Diagnostic) {
	name, err := ConfigPath(opts)
	if err != nil {
		return nil, []diag.Diagnostic{diag.Errorf(opts.ConfigFile, 0, "%v", err)}
	}
	return LoadConfig(src, name)
}
