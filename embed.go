// Package inspectsite holds the files the binary carries with it: the default
// site.toml and the default templates, so that a folder of reports alone
// builds a complete site.
package inspectsite

import "embed"

// DefaultConfig is the built-in site.toml.
//
//go:embed site.toml
var DefaultConfig []byte

// Templates holds the built-in templates/ folder.
//
//go:embed templates
var Templates embed.FS
