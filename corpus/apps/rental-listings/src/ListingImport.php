<?php

declare(strict_types=1);

namespace App;

/** Listings pushed by channel managers: the amenities arrive as a JSON string inside the payload. */
final class ListingImport
{
    /** @param array<string, mixed> $payload */
    public function import(array $payload): string
    {
        return Listing::fromArray($payload)->id;
    }

    /** @return list<string> */
    public static function decodeAmenities(string $json): array
    {
        return json_decode($json, true, 8, \JSON_THROW_ON_ERROR);
    }
}
