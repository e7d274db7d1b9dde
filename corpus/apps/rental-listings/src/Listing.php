<?php

declare(strict_types=1);

namespace App;

final class Listing
{
    /** @param list<string> $amenities */
    public function __construct(
        public readonly string $id,
        public readonly int $nightlyCents,
        public readonly int $cleaningCents,
        public readonly array $amenities,
        public readonly ?Host $owner,
    ) {
    }

    /** @param array<string, mixed> $data */
    public static function fromArray(array $data): self
    {
        $nightly = Money::parse((string) $data['price']);
        $cleaning = Fees::cleaning($data['fees'] ?? []);

        return new self((string) $data['id'], $nightly, $cleaning, ListingImport::decodeAmenities((string) ($data['amenities'] ?? '[]')), null);
    }
}
