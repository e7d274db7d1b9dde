<?php

declare(strict_types=1);

namespace Newsletter;

final class Scheduler
{
    public function sendAt(string $localTime, string $timezone): string
    {
        $at = new \DateTimeImmutable($localTime, new \DateTimeZone($timezone));

        return $at->setTimezone(new \DateTimeZone('UTC'))->format(\DATE_ATOM);
    }
}
