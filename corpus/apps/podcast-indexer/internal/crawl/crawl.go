// Package crawl subscribes to feeds by URL and ingests them on worker goroutines, with retries.
package crawl

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"corpus.local/sentry"
	"github.com/wavecast/indexer/internal/feed"
	"github.com/wavecast/indexer/internal/index"
)

// ErrFeedGone is what a host answers 410 with: the show has been taken down.
var ErrFeedGone = errors.New("feed gone")

const attempts = 2

// Subscribe checks a feed URL before it is queued.
func Subscribe(raw string) (string, error) {
	u, err := normalize(raw)
	if err != nil {
		return "", fmt.Errorf("subscribe: %w", err)
	}
	if strings.HasPrefix(u.Path, "/gone/") {
		return "", fmt.Errorf("subscribe %s: %w", u, ErrFeedGone)
	}
	return u.String(), nil
}

func normalize(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	u.Fragment = ""
	return u, nil
}

type Task struct {
	Kind    string // "ingest" or "subscribe"
	Trace   string
	Payload string
}

type Crawler struct {
	Index *index.Index
	tasks chan Task
	wg    sync.WaitGroup
}

func Start(ix *index.Index, workers int) *Crawler {
	c := &Crawler{Index: ix, tasks: make(chan Task)}
	for i := 0; i < workers; i++ {
		c.wg.Add(1)
		go c.loop()
	}
	return c
}

func (c *Crawler) Submit(task Task) { c.tasks <- task }

func (c *Crawler) Stop() {
	close(c.tasks)
	c.wg.Wait()
}

func (c *Crawler) loop() {
	defer c.wg.Done()
	for task := range c.tasks {
		c.handle(task)
	}
}

func (c *Crawler) handle(task Task) {
	hub := sentry.NewHub()
	hub.SetTag("corpus_case", task.Trace)
	defer hub.RecoverPanic()
	var err error
	for attempt := 1; attempt <= attempts; attempt++ {
		if err = c.perform(task); err == nil {
			return
		}
	}
	hub.CaptureException(fmt.Errorf("crawl %s: giving up after %d attempts: %w", task.Kind, attempts, err))
}

func (c *Crawler) perform(task Task) error {
	switch task.Kind {
	case "subscribe":
		_, err := Subscribe(task.Payload)
		return err
	default:
		podcast, err := feed.Parse([]byte(task.Payload))
		if err != nil {
			return err
		}
		c.Index.Add(podcast)
		return nil
	}
}
