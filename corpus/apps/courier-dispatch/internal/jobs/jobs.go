// Package jobs holds the background job handlers: dispatching a queued manifest, re-quoting a route.
package jobs

import (
	"encoding/json"

	"github.com/acme/dispatch/internal/dispatch"
	"github.com/acme/dispatch/internal/manifest"
	"github.com/acme/dispatch/internal/pricing"
	"github.com/acme/dispatch/internal/queue"
)

type quoteRequest struct {
	Km    int `json:"km"`
	Stops int `json:"stops"`
}

func Handlers(planner *dispatch.Planner, pricer pricing.Pricer) map[string]queue.Handler {
	return map[string]queue.Handler{
		"dispatch-route": func(payload []byte) error {
			route, err := manifest.Decode(payload)
			if err != nil {
				return err
			}
			_, err = planner.Assign(route)
			return err
		},
		"requote": func(payload []byte) error {
			var request quoteRequest
			if err := json.Unmarshal(payload, &request); err != nil {
				return err
			}
			_, err := pricer.Quote(request.Km, request.Stops)
			return err
		},
	}
}
