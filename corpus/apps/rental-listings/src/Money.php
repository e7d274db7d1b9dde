<?php

declare(strict_types=1);

namespace App;

/** Amounts in cents; hosts type them in the listing form and the channel manager sends them as text. */
final class Money
{
    public static function parse(string $text): int
    {
        if (!preg_match('/^\d+(\.\d{1,2})?$/', trim($text))) {
            throw new \InvalidArgumentException(sprintf('"%s" is not an amount', $text));
        }

        return (int) round((float) $text * 100);
    }
}
