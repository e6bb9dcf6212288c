package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Issue 15 case 8: -addr that other machines can reach is warned about.
func TestAddrWarning(t *testing.T) {
	for addr, warn := range map[string]bool{
		"127.0.0.1:1313": false, "localhost:1313": false, "[::1]:1313": false, "127.0.0.2:80": false,
		"0.0.0.0:1313": true, ":1313": true, "[::]:1313": true, "192.168.1.5:1313": true, "example.org:80": true,
	} {
		got := addrWarning(addr)
		if (got != "") != warn {
			t.Errorf("addrWarning(%q) = %q", addr, got)
		}
		if warn && !strings.Contains(got, "127.0.0.1:1313") {
			t.Errorf("addrWarning(%q) gives no way back: %q", addr, got)
		}
	}
}

// Issue 15 case 8: idle keep-alive connections are closed; huge headers
// are refused.
func TestConnectionLimits(t *testing.T) {
	if hs := newHTTPServer(nil, 0); hs.IdleTimeout != idleTimeout || hs.ReadHeaderTimeout == 0 || hs.MaxHeaderBytes != maxHeaderBytes {
		t.Fatalf("server limits: %+v", hs)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), 200*time.Millisecond)
	go hs.Serve(ln)
	defer hs.Close()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	t0 := time.Now()
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("idle connection: %v after %v, want it closed by the server", err, time.Since(t0))
	}

	c2, _ := net.Dial("tcp", ln.Addr().String())
	defer c2.Close()
	io.WriteString(c2, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 2*maxHeaderBytes)+"\r\n\r\n")
	resp2, err := http.ReadResponse(bufio.NewReader(c2), nil)
	if err != nil || resp2.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("a %d KiB header: %v %v", 2*maxHeaderBytes>>10, resp2, err)
	}
}

// Issue 15 case 5: a carriage return in a problem's text (a file name)
// cannot end a data line and start a forged event.
func TestEventDataCannotForgeEvents(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer("/", ln.Addr().String(), true)
	srv.Update(map[string][]byte{"index.html": []byte("x")}, "content/a\revent: reload\rdata: 99\r\nb\nc", false)
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	defer hs.Close()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+ln.Addr().String()+"/_inspectsite/events?build=1", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body) // until the deadline
	// Lines as an EventSource reads them: any of \r\n, \r, \n ends one.
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(body)), "\n")
	var events []string
	var data []string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "event: "):
			events = append(events, strings.TrimPrefix(l, "event: "))
		case strings.HasPrefix(l, "data: "):
			data = append(data, strings.TrimPrefix(l, "data: "))
		}
	}
	if len(events) != 1 || events[0] != "problem" {
		t.Fatalf("events %q from one problem; stream:\n%q", events, body)
	}
	if got := strings.Join(data, "\n"); got != "content/a\nevent: reload\ndata: 99\nb\nc" {
		t.Errorf("problem text arrives as %q", got)
	}
}
