// Package sentry is a capture layer that builds events the way sentry-go 0.27 does and sends them as
// envelopes: the error chain unwrapped with errors.Unwrap (or Cause), most recent error last, the
// stack of the capture site on the most recent error only, recovered panics at level fatal.
package sentry

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"runtime"
	"sync"
	"time"
)

const (
	sdkName    = "sentry.go"
	sdkVersion = "0.27.0"
)

type Mechanism struct {
	Type             string `json:"type,omitempty"`
	ExceptionID      int    `json:"exception_id"`
	ParentID         *int   `json:"parent_id,omitempty"`
	IsExceptionGroup bool   `json:"is_exception_group,omitempty"`
}

type Exception struct {
	Type       string      `json:"type,omitempty"`
	Value      string      `json:"value,omitempty"`
	Module     string      `json:"module,omitempty"`
	Stacktrace *Stacktrace `json:"stacktrace,omitempty"`
	Mechanism  *Mechanism  `json:"mechanism,omitempty"`
}

type client struct {
	endpoint string
	key      string
	release  string
	mu       sync.Mutex
}

var current *client

// Init reads a DSN of the form http://key@host:port/projectId.
func Init(dsn, release string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	current = &client{
		endpoint: fmt.Sprintf("%s://%s/api%s/envelope/", u.Scheme, u.Host, u.Path),
		key:      u.User.Username(),
		release:  release,
	}
	return nil
}

// Hub carries the tags of one request, job or command.
type Hub struct {
	tags map[string]string
}

func NewHub() *Hub { return &Hub{tags: map[string]string{}} }

func (h *Hub) SetTag(key, value string) { h.tags[key] = value }

// CaptureException reports err with the stack of the caller.
func (h *Hub) CaptureException(err error) {
	h.capture(err, "error")
}

// Recover reports a recovered panic value; an error panics (runtime errors included) become exceptions.
func (h *Hub) Recover(recovered interface{}) {
	if err, ok := recovered.(error); ok {
		h.capture(err, "fatal")
		return
	}
	h.capture(fmt.Errorf("%v", recovered), "fatal")
}

func (h *Hub) capture(err error, level string) {
	exceptions := exceptionsOf(err)
	for i := range exceptions {
		if exceptions[i].Stacktrace != nil {
			contextify(exceptions[i].Stacktrace.Frames)
		}
	}
	host, _ := os.Hostname()
	event := map[string]interface{}{
		"event_id":    newEventID(),
		"timestamp":   time.Now().UTC().Format(time.RFC3339Nano),
		"level":       level,
		"platform":    "go",
		"release":     current.release,
		"environment": "production",
		"server_name": host,
		"tags":        h.tags,
		"exception":   exceptions,
		"sdk": map[string]interface{}{
			"name": sdkName, "version": sdkVersion,
			"integrations": []string{"ContextifyFrames", "Environment", "IgnoreErrors", "Modules"},
			"packages":     []map[string]string{{"name": "sentry-go", "version": sdkVersion}},
		},
		"contexts": map[string]interface{}{
			"runtime": map[string]interface{}{"name": "go", "version": runtime.Version(), "go_numroutines": runtime.NumGoroutine(), "go_maxprocs": runtime.GOMAXPROCS(0)},
			"os":      map[string]interface{}{"name": runtime.GOOS},
			"device":  map[string]interface{}{"arch": runtime.GOARCH, "num_cpu": runtime.NumCPU()},
		},
	}
	current.send(event)
}

// exceptionsOf unwraps the chain; the capture site's stack goes on the most recent error, which ends last.
func exceptionsOf(err error) []Exception {
	var exceptions []Exception
	for i := 0; err != nil && i < 100; i++ {
		exceptions = append(exceptions, Exception{Type: reflect.TypeOf(err).String(), Value: err.Error()})
		if next := errors.Unwrap(err); next != nil {
			err = next
			continue
		}
		cause, ok := err.(interface{ Cause() error })
		if !ok {
			break
		}
		err = cause.Cause()
	}
	exceptions[0].Stacktrace = newStacktrace()
	if len(exceptions) <= 1 {
		return exceptions
	}
	for i, j := 0, len(exceptions)-1; i < j; i, j = i+1, j-1 {
		exceptions[i], exceptions[j] = exceptions[j], exceptions[i]
	}
	for i := range exceptions {
		exceptions[i].Mechanism = &Mechanism{IsExceptionGroup: true, ExceptionID: i}
		if i > 0 {
			parent := i - 1
			exceptions[i].Mechanism.ParentID = &parent
		}
	}
	return exceptions
}

func newEventID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (c *client) send(event map[string]interface{}) {
	payload, err := json.Marshal(event)
	if err != nil {
		panic(err)
	}
	header, _ := json.Marshal(map[string]interface{}{"event_id": event["event_id"], "sent_at": time.Now().UTC().Format(time.RFC3339Nano),
		"sdk": map[string]string{"name": sdkName, "version": sdkVersion}})
	var body bytes.Buffer
	body.Write(header)
	fmt.Fprintf(&body, "\n{\"type\":\"event\",\"length\":%d}\n", len(payload))
	body.Write(payload)
	request, _ := http.NewRequest(http.MethodPost, c.endpoint, &body)
	request.Header.Set("Content-Type", "application/x-sentry-envelope")
	request.Header.Set("X-Sentry-Auth", fmt.Sprintf("Sentry sentry_version=7, sentry_client=%s/%s, sentry_key=%s", sdkName, sdkVersion, c.key))
	c.mu.Lock()
	defer c.mu.Unlock()
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		panic(err)
	}
	response.Body.Close()
}

// RecoverPanic is meant to be deferred directly (defer hub.RecoverPanic()): it reports a panic and stops it.
func (h *Hub) RecoverPanic() {
	if recovered := recover(); recovered != nil {
		h.Recover(recovered)
	}
}
