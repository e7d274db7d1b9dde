<?php

declare(strict_types=1);

namespace App;

final class Gallery
{
    /** @param array<string, string> $photos */
    public function coverUrl(array $photos): string
    {
        return 'https://img.example/' . $photos['cover'];
    }
}
