<?php

declare(strict_types=1);

namespace App;

final class BookingConflict extends \DomainException
{
}

final class Availability
{
    /** @var list<array{0: \DateTimeImmutable, 1: \DateTimeImmutable}> */
    private array $blocked = [];

    public function blockRange(string $from, string $to): void
    {
        $this->blocked[] = [new \DateTimeImmutable($from), new \DateTimeImmutable($to)];
    }

    public function reserve(Booking $booking): void
    {
        foreach ($this->blocked as [$from, $to]) {
            if ($booking->checkin < $to && $booking->checkout > $from) {
                throw new BookingConflict(sprintf('%s overlaps a blocked range %s..%s', $booking->checkin->format('Y-m-d'), $from->format('Y-m-d'), $to->format('Y-m-d')));
            }
        }
        $this->blocked[] = [$booking->checkin, $booking->checkout];
    }
}
