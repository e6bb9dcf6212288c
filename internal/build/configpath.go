package build

import (
	"io/fs"
	"path/filepath"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// ConfigPath is the configuration file -config names: a slash path inside
// the site folder, read through the fs.FS rooted there (and watched by
// serve), or an absolute path for a file outside it, which LoadConfig reads
// directly. An absolute path inside -source becomes relative to it, and a
// relative one that leaves it ("../site.toml") absolute, so that no path
// reaches the fs.FS that it would refuse as "invalid argument".
func ConfigPath(opts Options) (string, error) {
	name := opts.ConfigFile
	if name == "" {
		return ConfigFile, nil
	}
	if !filepath.IsAbs(name) {
		if slash := filepath.ToSlash(filepath.Clean(name)); fs.ValidPath(slash) {
			return slash, nil
		}
		name = filepath.Join(opts.Source, name)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return "", err
	}
	if rel, ok := within(src, abs); ok && rel != "." {
		return filepath.ToSlash(rel), nil
	}
	return abs, nil
}

// loadOptionsConfig is LoadConfig for the file opts names.
func loadOptionsConfig(src fs.FS, opts Options) (*config.Config, []diag.Diagnostic) {
	name, err := ConfigPath(opts)
	if err != nil {
		return nil, []diag.Diagnostic{diag.Errorf(opts.ConfigFile, 0, "%v", err)}
	}
	return LoadConfig(src, name)
}
