<?php

declare(strict_types=1);

namespace App;

/** Quotes a stay: nights, extra guests, cleaning, in the guest's currency. */
final class Quote
{
    public function __construct(private readonly Catalog $catalog, private readonly Pricing $pricing = new Pricing())
    {
    }

    /** @param array<string, mixed> $request */
    public function quote(array $request): array
    {
        $listing = $this->catalog->find((string) $request['listing']);
        $booking = Booking::fromRequest($request);
        $total = $listing->nightlyCents * $booking->nights() + $listing->cleaningCents + $this->pricing->perGuest($request['guests']);

        return [
            'total' => $total,
            'per_night' => $this->pricing->nightlyAverage($total, $booking->nights()),
            'currency' => $this->currency((string) ($request['currency'] ?? 'EUR'))->value,
        ];
    }

    private function currency(string $code): Currency
    {
        return Currency::from($code);
    }
}
