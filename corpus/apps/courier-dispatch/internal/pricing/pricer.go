package pricing

import "fmt"

// Pricer quotes a route: a base fee per stop plus distance, in cents.
type Pricer struct {
	BaseCents    int
	PerKmCents   int
	MinimumCents int
}

func (p Pricer) Quote(distanceKm int, stops int) (string, error) {
	total := p.BaseCents + distanceKm*p.PerKmCents
	if total < p.MinimumCents {
		total = p.MinimumCents
	}
	perStop := p.perStopCost(total, stops)
	return fmt.Sprintf("%d.%02d EUR (%d per stop)", total/100, total%100, perStop), nil
}

func (p Pricer) perStopCost(total, stops int) int {
	return total / stops
}
