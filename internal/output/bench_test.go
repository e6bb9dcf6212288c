package output

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchSite is n pages of 16 KB in folders of their own, as reports are.
func benchSite(n int) map[string][]byte {
	files := make(map[string][]byte, n)
	for i := range n {
		files[fmt.Sprintf("reports/r%05d/index.html", i)] = bytes.Repeat([]byte(fmt.Sprintf("page %05d ", i)), 16<<10/11)
	}
	return files
}

func writeBench(b *testing.B, dest string, files map[string][]byte) *Writer {
	w, err := Begin(dest)
	if err != nil {
		b.Fatal(err)
	}
	for name, data := range files {
		if err := w.Write(name, data); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkWrite writes 2,000 pages into a fresh folder and into the
// previous site, unchanged, with its manifest (no file read back) and
// without it (every file read back and compared, as before the manifest).
func BenchmarkWrite(b *testing.B) {
	files := benchSite(2000)
	for _, mode := range []string{"fresh", "previous+manifest", "previous-no-manifest"} {
		b.Run(mode, func(b *testing.B) {
			dest := filepath.Join(b.TempDir(), "public")
			if mode != "fresh" {
				writeBench(b, dest, files)
				time.Sleep(20 * time.Millisecond) // past the manifest's tick
				writeBench(b, dest, files)
			}
			b.SetBytes(int64(len(files) * 16 << 10))
			b.ResetTimer()
			for range b.N {
				switch mode {
				case "fresh":
					b.StopTimer()
					os.RemoveAll(dest)
					b.StartTimer()
				case "previous-no-manifest":
					os.Remove(manifestName(dest))
				}
				w := writeBench(b, dest, files)
				if mode == "previous+manifest" && w.Compared() > len(files)/10 {
					b.Fatalf("%d files compared", w.Compared())
				}
			}
		})
	}
}
