<?php

declare(strict_types=1);

namespace Newsletter;

/** Audience segments are regular expressions over subscriber e-mail addresses, typed in the admin. */
final class Segments
{
    /** @param list<string> $emails */
    public function matches(string $pattern, array $emails): array
    {
        return array_values(array_filter($emails, static fn (string $email) => preg_match('/' . $pattern . '/i', $email) === 1));
    }
}
