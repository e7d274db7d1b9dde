<?php

declare(strict_types=1);

namespace App;

final class Pricing
{
    private const EXTRA_GUEST_CENTS = 1500;

    public function perGuest(int $guests): int
    {
        return max(0, $guests - 2) * self::EXTRA_GUEST_CENTS;
    }

    public function nightlyAverage(int $totalCents, int $nights): int
    {
        return intdiv($totalCents, $nights);
    }
}
