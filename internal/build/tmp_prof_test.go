package build

import (
	"fmt"
	"sort"
	"testing"

	"inspectsite/internal/render"
)

func TestTmpPerTemplate(t *testing.T) {
	res, _ := loaded(&testing.B{}, 10000)
	tm, _ := render.LoadTemplates(nil)
	times := render.TimeTemplates(res.Site, tm)
	var ks []string
	for k := range times {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%-20s %6d pages %8.0f ms %8.1f us/page %8d KB\n", k, times[k].N, float64(times[k].D)/1e6, float64(times[k].D)/1e3/float64(times[k].N), times[k].Bytes/1024)
	}
}
