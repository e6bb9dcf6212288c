package output

import (
	"io/fs"
	"syscall"
	"time"
)

// inodeOf gives a file's inode number and the last time its inode changed
// (ctime: any write, link, unlink, rename or change of times or mode sets
// it to now, and no call sets it to anything else). ok is false where the
// file system says neither.
func inodeOf(fi fs.FileInfo) (ino uint64, ctime time.Time, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, time.Time{}, false
	}
	return st.Ino, time.Unix(st.Ctim.Sec, st.Ctim.Nsec), true
}
