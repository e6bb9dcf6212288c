package build

import (
	"io/fs"

	"github.com/inspectsite/inspectsite/internal/config"
	"github.com/inspectsite/inspectsite/internal/diag"
)

// ConfigName is the configuration file opts names, as Prepare left it: a
// slash path inside the site folder, or an absolute path outside it.
func ConfigName(opts Options) string {
	if opts.ConfigFile == "" {
		return ConfigFile
	}
	return opts.ConfigFile
}

// loadOptionsConfig is LoadConfig for the file opts names.
func loadOptionsConfig(src fs.FS, opts Options) (*config.Config, []diag.Diagnostic) {
	return LoadConfig(src, ConfigName(opts))
}
