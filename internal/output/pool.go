package output

import "sync"

// Pool writes files on several goroutines. Creating a folder and a file
// costs a few hundred microseconds of waiting on the file system, far more
// than producing the bytes, so overlapping those waits speeds a build up
// even on two cores. The queue is short, so memory stays bounded.
type Pool struct {
	w     *Writer
	jobs  chan job
	wg    sync.WaitGroup
	mu    sync.Mutex
	first error
}

type job struct {
	name string
	data []byte
}

// NewPool starts n writers for w.
func NewPool(w *Writer, n int) *Pool {
	p := &Pool{w: w, jobs: make(chan job, 4*n)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range p.jobs {
				if err := w.Write(j.name, j.data); err != nil {
					p.mu.Lock()
					if p.first == nil {
						p.first = err
					}
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

// Write queues one file. It returns the first error any writer met, so a
// failing build stops early.
func (p *Pool) Write(name string, data []byte) error {
	p.mu.Lock()
	err := p.first
	p.mu.Unlock()
	if err != nil {
		return err
	}
	p.jobs <- job{name, data}
	return nil
}

// Wait finishes the queue and returns the first error.
func (p *Pool) Wait() error {
	close(p.jobs)
	p.wg.Wait()
	return p.first
}
