// Package queue runs background dispatch jobs on worker goroutines, with retries.
package queue

import (
	"fmt"
	"sync"

	"corpus.local/sentry"
)

const attempts = 2

type Job struct {
	Name    string
	Trace   string
	Payload []byte
}

// Handler performs one kind of job.
type Handler func(payload []byte) error

type Queue struct {
	jobs     chan Job
	handlers map[string]Handler
	wg       sync.WaitGroup
}

func Start(workers int, handlers map[string]Handler) *Queue {
	q := &Queue{jobs: make(chan Job), handlers: handlers}
	for i := 0; i < workers; i++ {
		q.wg.Add(1)
		go q.work()
	}
	return q
}

func (q *Queue) Enqueue(job Job) { q.jobs <- job }

func (q *Queue) Close() {
	close(q.jobs)
	q.wg.Wait()
}

func (q *Queue) work() {
	defer q.wg.Done()
	for job := range q.jobs {
		q.process(job)
	}
}

func (q *Queue) process(job Job) {
	hub := sentry.NewHub()
	hub.SetTag("corpus_case", job.Trace)
	defer hub.RecoverPanic()
	if err := runWithRetries(job, q.handlers[job.Name]); err != nil {
		hub.CaptureException(err)
	}
}

func runWithRetries(job Job, handle Handler) error {
	var last error
	for attempt := 1; attempt <= attempts; attempt++ {
		if last = handle(job.Payload); last == nil {
			return nil
		}
	}
	return fmt.Errorf("job %s failed after %d attempts: %w", job.Name, attempts, last)
}
