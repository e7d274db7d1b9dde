<?php

declare(strict_types=1);

namespace App;

/** Calendar sync from other platforms: a feed of blocked date ranges. */
final class IcalImport
{
    public function __construct(private readonly Availability $availability)
    {
    }

    public function import(string $feed): int
    {
        $ranges = $this->decodeFeed($feed);
        foreach ($ranges as $range) {
            $this->availability->blockRange($range['from'], $range['to']);
        }

        return \count($ranges);
    }

    /** @return list<array{from: string, to: string}> */
    private function decodeFeed(string $feed): array
    {
        return json_decode($feed, true, 16, \JSON_THROW_ON_ERROR)['blocked'];
    }
}
