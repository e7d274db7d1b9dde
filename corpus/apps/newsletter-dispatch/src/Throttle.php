<?php

declare(strict_types=1);

namespace Newsletter;

final class Throttle
{
    public function batches(int $recipients, int $perMinute): int
    {
        return intdiv($recipients + $perMinute - 1, $perMinute);
    }
}
