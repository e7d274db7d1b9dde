package dispatch

import (
	"errors"
	"fmt"
	"time"
)

// ErrDepotNotFound is returned when a route names a depot the network does not have.
var ErrDepotNotFound = errors.New("depot not found")

type Vehicle struct {
	Plate      string
	CapacityKg float64
}

type Courier struct {
	ID      string
	Zone    string
	Vehicle *Vehicle
}

type Stop struct {
	Address  string
	Postcode int
	WeightKg float64
	Window   []time.Time
}

type Route struct {
	ID      string
	Depot   string
	Courier string
	Stops   []Stop
	Pickup  time.Time
}

// CapacityError says a courier's vehicle cannot take a route's load.
type CapacityError struct {
	Courier string
	LoadKg  float64
	LimitKg float64
}

func (e *CapacityError) Error() string {
	return fmt.Sprintf("courier %s: load %.1f kg exceeds %.1f kg", e.Courier, e.LoadKg, e.LimitKg)
}
