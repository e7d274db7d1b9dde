<?php

declare(strict_types=1);

namespace App;

final class Booking
{
    public function __construct(public readonly \DateTimeImmutable $checkin, public readonly \DateTimeImmutable $checkout)
    {
    }

    /** @param array<string, mixed> $request */
    public static function fromRequest(array $request): self
    {
        return new self(new \DateTimeImmutable((string) $request['checkin']), new \DateTimeImmutable((string) $request['checkout']));
    }

    public function nights(): int
    {
        return (int) $this->checkin->diff($this->checkout)->days;
    }
}
