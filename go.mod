module inspectsite

go 1.26.8

require github.com/BurntSushi/toml v1.6.0

require golang.org/x/sys v0.13.0 // indirect
