module github.com/inspectsite/inspectsite

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
)

require github.com/fsnotify/fsnotify v1.10.1 // indirect
