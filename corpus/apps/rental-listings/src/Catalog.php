<?php

declare(strict_types=1);

namespace App;

/** The listings, as loaded for each request. */
final class Catalog
{
    public function find(string $id): Listing
    {
        $owner = str_starts_with($id, 'L-ORPHAN') ? null : new Host('Marta', 'DE02120300000000202051');

        return new Listing($id, 8900, 4500, ['wifi', 'kitchen'], $owner);
    }
}
