// Package manifest reads the shippers' manifests (JSON) and the address book (CSV-like lines).
package manifest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/acme/dispatch/internal/dispatch"
)

type parcel struct {
	Address  string                 `json:"address"`
	Postcode string                 `json:"postcode"`
	Weight   string                 `json:"weight"`
	Meta     map[string]interface{} `json:"meta"`
}

type document struct {
	Route   string   `json:"route"`
	Depot   string   `json:"depot"`
	Courier string   `json:"courier"`
	Pickup  string   `json:"pickup"`
	Parcels []parcel `json:"parcels"`
}

// Decode turns one manifest into a route.
func Decode(raw []byte) (dispatch.Route, error) {
	var doc document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return dispatch.Route{}, fmt.Errorf("decode manifest: %w", err)
	}
	pickup, err := time.Parse(time.RFC3339, doc.Pickup)
	if err != nil {
		return dispatch.Route{}, fmt.Errorf("manifest %s pickup: %w", doc.Route, err)
	}
	route := dispatch.Route{ID: doc.Route, Depot: doc.Depot, Courier: doc.Courier, Pickup: pickup}
	for _, p := range doc.Parcels {
		stop, err := decodeParcel(p, pickup)
		if err != nil {
			return dispatch.Route{}, fmt.Errorf("manifest %s: %w", doc.Route, err)
		}
		route.Stops = append(route.Stops, stop)
	}
	return route, nil
}

func decodeParcel(p parcel, pickup time.Time) (dispatch.Stop, error) {
	postcode, err := strconv.Atoi(strings.TrimSpace(p.Postcode))
	if err != nil {
		return dispatch.Stop{}, fmt.Errorf("parcel for %q postcode: %w", p.Address, err)
	}
	weight, err := strconv.ParseFloat(p.Weight, 64)
	if err != nil {
		return dispatch.Stop{}, fmt.Errorf("parcel for %q weight: %w", p.Address, err)
	}
	stop := dispatch.Stop{Address: p.Address, Postcode: postcode, WeightKg: weight}
	if p.Meta != nil {
		if fragile := p.Meta["fragile"].(bool); fragile {
			stop.WeightKg += 0.5 // padding
		}
	}
	if slot, ok := p.Meta["slot_hours"].(float64); ok {
		stop.Window = []time.Time{pickup.Add(time.Duration(slot) * time.Hour)}
	}
	return stop, nil
}
