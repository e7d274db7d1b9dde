<?php

declare(strict_types=1);

namespace App;

/** Every entry point (HTTP, worker, console) runs an operation by name. */
final class Operations
{
    private Catalog $catalog;
    private Availability $availability;

    public function __construct()
    {
        $this->catalog = new Catalog();
        $this->availability = new Availability();
    }

    /** @param array<string, mixed> $payload */
    public function run(string $operation, array $payload): mixed
    {
        return match ($operation) {
            'import-listing' => (new ListingImport())->import($payload),
            'import-calendar' => (new IcalImport($this->availability))->import((string) $payload['feed']),
            'quote' => (new Quote($this->catalog))->quote($payload),
            'reserve' => $this->reserve($payload),
            'payout' => (new Payouts($this->catalog))->schedule($payload),
            'render' => $this->render($payload),
            default => throw new \InvalidArgumentException("unknown operation $operation"),
        };
    }

    /** @param array<string, mixed> $payload */
    private function reserve(array $payload): string
    {
        foreach ($payload['already_blocked'] ?? [] as [$from, $to]) {
            $this->availability->blockRange($from, $to);
        }
        $this->availability->reserve(Booking::fromRequest($payload));

        return 'reserved';
    }

    /** @param array<string, mixed> $payload */
    private function render(array $payload): array
    {
        return [
            'cover' => (new Gallery())->coverUrl($payload['photos'] ?? []),
            'scores' => (new Reviews())->scoresByCategory($payload['scores'] ?? [5, 5, 5]),
        ];
    }
}
