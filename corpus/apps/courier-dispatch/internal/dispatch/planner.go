package dispatch

import (
	"fmt"
	"time"
)

// Planner assigns routes to couriers by zone and checks loads and time windows.
type Planner struct {
	depots   map[string]string
	couriers map[string]*Courier
	slots    map[string]map[string]int
}

func NewPlanner() *Planner {
	p := &Planner{
		depots: map[string]string{"BER-1": "north", "BER-2": "south", "HAM-1": "harbour"},
		couriers: map[string]*Courier{
			"C-ANNA":  {ID: "C-ANNA", Zone: "north", Vehicle: &Vehicle{Plate: "B-AN 1", CapacityKg: 350}},
			"C-BORIS": {ID: "C-BORIS", Zone: "south", Vehicle: &Vehicle{Plate: "B-BO 2", CapacityKg: 120}},
			"C-WALK":  {ID: "C-WALK", Zone: "north"}, // on foot: no vehicle
			"C-NEW":   {ID: "C-NEW", Zone: "harbour", Vehicle: &Vehicle{Plate: "HH-NE 3", CapacityKg: 500}},
		},
	}
	// The harbour depot opened after the slot table was set up.
	p.slots = map[string]map[string]int{"north": {}, "south": {}}
	return p
}

// Assign plans one route: the depot's zone, the courier's capacity, the next stop's window.
func (p *Planner) Assign(route Route) (string, error) {
	zone, ok := p.depots[route.Depot]
	if !ok {
		return "", fmt.Errorf("assign route %s: %w", route.ID, ErrDepotNotFound)
	}
	courier := p.couriers[route.Courier]
	if courier == nil {
		courier = p.couriers["C-ANNA"]
	}
	p.assignZone(zone, route.ID)
	if err := p.checkLoad(courier, route.Stops); err != nil {
		return "", fmt.Errorf("assign route %s: %w", route.ID, err)
	}
	next := p.nextStop(route, 1)
	return fmt.Sprintf("%s -> %s first %s at %s", route.ID, courier.ID, next.Address, etaWindow(next).Format(time.Kitchen)), nil
}

func (p *Planner) assignZone(zone, routeID string) {
	p.slots[zone][routeID] = len(p.slots[zone]) + 1
}

func (p *Planner) checkLoad(courier *Courier, stops []Stop) error {
	load := 0.0
	for _, stop := range stops {
		load += stop.WeightKg
	}
	if limit := courier.capacity(); load > limit {
		return &CapacityError{Courier: courier.ID, LoadKg: load, LimitKg: limit}
	}
	return nil
}

func (c *Courier) capacity() float64 {
	return c.Vehicle.CapacityKg
}

// nextStop skips the stops already delivered (the first one is the depot hand-over).
func (p *Planner) nextStop(route Route, delivered int) Stop {
	return route.Stops[delivered]
}

// etaWindow is the start of the stop's booked window, the earliest of its alternatives.
func etaWindow(stop Stop) time.Time {
	earliest := stop.Window[:1]
	return earliest[0]
}
