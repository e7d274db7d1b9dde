<?php

declare(strict_types=1);

namespace App;

final class Fees
{
    /** @param array<string, mixed> $fees */
    public static function cleaning(array $fees): int
    {
        return Money::parse((string) ($fees['cleaning'] ?? '0'));
    }
}
