package build

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"testing"

	"inspectsite/internal/render"
)

func TestTmpHeapRender(t *testing.T) {
	res, opts := loaded(&testing.B{}, 10000)
	for _, r := range res.Site.Reports {
		r.Text = ""
	}
	tm, _ := render.LoadTemplates(nil)
	var n atomic.Int64
	var once sync.Once
	write := func(p string, b []byte) error {
		if n.Add(1) == 15000 {
			once.Do(func() {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				fmt.Printf("live heap mid-render %d MB\n", ms.HeapAlloc>>20)
				f, _ := os.Create("/tmp/heap2.out")
				pprof.WriteHeapProfile(f)
				f.Close()
			})
		}
		return nil
	}
	stream := func(p string, fill func(io.Writer) error) error { return fill(io.Discard) }
	render.SiteStreamed(res.Site, tm, write, stream, sourceText(os.DirFS(opts.Source)))
}
