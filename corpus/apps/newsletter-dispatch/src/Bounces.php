<?php

declare(strict_types=1);

namespace Newsletter;

final class Bounces
{
    /** @param array<string, mixed> $bounce */
    public function classify(array $bounce): string
    {
        $reason = $bounce['diagnostic'] ?? null;

        return strlen($reason) > 0 && str_starts_with((string) $reason, '5') ? 'hard' : 'soft';
    }
}
