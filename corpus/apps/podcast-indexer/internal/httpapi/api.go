// Package httpapi serves the indexer's API: feed submissions, subscriptions, search and chart exports.
package httpapi

import (
	"encoding/json"
	"io"
	"net/http"

	"corpus.local/sentry"
	"github.com/wavecast/indexer/internal/crawl"
	"github.com/wavecast/indexer/internal/feed"
	"github.com/wavecast/indexer/internal/index"
)

type API struct {
	Index *index.Index
}

type handlerFunc func(r *http.Request, body []byte) (interface{}, error)

func (a *API) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/feeds", reported(a.submitFeed))
	mux.Handle("/subscriptions", reported(a.subscribe))
	mux.Handle("/search", reported(a.search))
	mux.Handle("/charts/export", reported(a.export))
	return mux
}

// reported runs a handler with a hub for the request: returned errors and panics are both reported.
func reported(handle handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hub := sentry.NewHub()
		hub.SetTag("corpus_case", r.Header.Get("X-Corpus-Case"))
		defer hub.RecoverPanic()
		body, _ := io.ReadAll(r.Body)
		result, err := handle(r, body)
		if err != nil {
			hub.CaptureException(err)
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		_ = json.NewEncoder(w).Encode(result)
	})
}

func (a *API) submitFeed(_ *http.Request, body []byte) (interface{}, error) {
	podcast, err := feed.Parse(body)
	if err != nil {
		return nil, err
	}
	a.Index.Add(podcast)
	return podcast.Title, nil
}

func (a *API) subscribe(_ *http.Request, body []byte) (interface{}, error) {
	return crawl.Subscribe(string(body))
}

func (a *API) search(r *http.Request, _ []byte) (interface{}, error) {
	return a.Index.Search(r.URL.Query().Get("q"))
}

type exportRequest struct {
	Titles  []string         `json:"titles"`
	Ratings map[string][]int `json:"ratings"`
}

func (a *API) export(_ *http.Request, body []byte) (interface{}, error) {
	var request exportRequest
	if err := json.Unmarshal(body, &request); err != nil {
		return nil, err
	}
	out, err := a.Index.Export(request.Titles, request.Ratings)
	return json.RawMessage(out), err
}
