// Package api is the dispatch HTTP API (net/http).
package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"corpus.local/sentry"
	"github.com/acme/dispatch/internal/dispatch"
	"github.com/acme/dispatch/internal/manifest"
	"github.com/acme/dispatch/internal/pricing"
)

type hubKey struct{}

type Server struct {
	Planner *dispatch.Planner
	Pricer  pricing.Pricer
}

func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/routes", s.planRoute)
	mux.HandleFunc("/v1/routes/batch", s.planBatch)
	mux.HandleFunc("/v1/quote", s.quote)
	return withHub(mux)
}

// withHub gives each request its own hub, tagged from the request, and reports panics.
func withHub(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hub := sentry.NewHub()
		if trace := r.Header.Get("X-Corpus-Case"); trace != "" {
			hub.SetTag("corpus_case", trace)
		}
		defer hub.RecoverPanic()
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), hubKey{}, hub)))
	})
}

func hubOf(r *http.Request) *sentry.Hub {
	return r.Context().Value(hubKey{}).(*sentry.Hub)
}

func (s *Server) planRoute(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	plan, err := s.plan(body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	io.WriteString(w, plan)
}

func (s *Server) plan(body []byte) (string, error) {
	route, err := manifest.Decode(body)
	if err != nil {
		return "", err
	}
	return s.Planner.Assign(route)
}

type batchItem struct {
	Trace    string          `json:"trace"`
	Manifest string `json:"manifest"`
}

// planBatch plans several manifests; each failure is reported on its own and the batch goes on.
func (s *Server) planBatch(w http.ResponseWriter, r *http.Request) {
	var items []batchItem
	if err := json.NewDecoder(r.Body).Decode(&items); err != nil {
		s.fail(w, r, err)
		return
	}
	failed := 0
	for _, item := range items {
		func() {
			hub := sentry.NewHub()
			hub.SetTag("corpus_case", item.Trace)
			defer hub.RecoverPanic()
			if _, err := s.plan([]byte(item.Manifest)); err != nil {
				failed++
				hub.CaptureException(err)
			}
		}()
	}
	io.WriteString(w, strconv.Itoa(failed)+" failed")
}

func (s *Server) quote(w http.ResponseWriter, r *http.Request) {
	km, _ := strconv.Atoi(r.URL.Query().Get("km"))
	stops, _ := strconv.Atoi(r.URL.Query().Get("stops"))
	price, err := s.Pricer.Quote(km, stops)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	io.WriteString(w, price)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	hubOf(r).CaptureException(err)
	http.Error(w, "dispatch failed", http.StatusUnprocessableEntity)
}
