package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Limits on the connections the preview server keeps. No WriteTimeout or
// ReadTimeout: the live-reload stream is one response that lasts as long
// as the page is open.
const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 30 * time.Second // an idle keep-alive connection is closed after this
	maxHeaderBytes    = 64 << 10
)

func newHTTPServer(h http.Handler, idle time.Duration) *http.Server {
	if idle == 0 {
		idle = idleTimeout
	}
	return &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, IdleTimeout: idle, MaxHeaderBytes: maxHeaderBytes}
}

// addrWarning is what to say before listening on addr: nothing for a
// loopback address, a warning for one other machines can reach.
func addrWarning(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	if strings.EqualFold(host, "localhost") {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return ""
	}
	where := "on " + host
	if host == "" || host == "0.0.0.0" || host == "::" {
		where = "on every network interface"
	}
	return fmt.Sprintf("warning: -addr %s listens %s, where other machines can reach the preview server; it is meant for this machine only (-addr 127.0.0.1:1313)", addr, where)
}

// eventLines splits an event's data at every line end a browser's
// EventSource knows ("\r\n", "\r" and "\n"), so that no text can end a
// data line early and start a field of its own.
func eventLines(data string) []string {
	return strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(data), "\n")
}
