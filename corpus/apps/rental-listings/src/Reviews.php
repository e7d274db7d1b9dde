<?php

declare(strict_types=1);

namespace App;

final class Reviews
{
    private const CATEGORIES = ['cleanliness', 'location', 'value'];

    /** @param list<int> $scores */
    public function scoresByCategory(array $scores): array
    {
        return array_combine(self::CATEGORIES, $scores);
    }
}
