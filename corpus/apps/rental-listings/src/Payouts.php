<?php

declare(strict_types=1);

namespace App;

final class Payouts
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    /** @param array<string, mixed> $request */
    public function schedule(array $request): string
    {
        $listing = $this->catalog->find((string) $request['listing']);

        return sprintf('%d cents to %s', (int) $request['amount'], $listing->owner->payoutAccount());
    }
}
