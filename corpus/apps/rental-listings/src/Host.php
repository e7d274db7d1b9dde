<?php

declare(strict_types=1);

namespace App;

final class Host
{
    public function __construct(public readonly string $name, private readonly string $iban)
    {
    }

    public function payoutAccount(): string
    {
        return $this->iban;
    }
}
