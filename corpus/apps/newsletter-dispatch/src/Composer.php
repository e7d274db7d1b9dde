<?php

declare(strict_types=1);

namespace Newsletter;

/** Fills the campaign's subject and footer templates, written by the marketing team with printf placeholders. */
final class Composer
{
    /** @param array<string, mixed> $campaign */
    public function compose(array $campaign, string $firstName): array
    {
        return ['subject' => $this->subject($campaign['subject'], $firstName, $campaign['issue']),
            'footer' => $this->footer($campaign['footer'] ?? 'Unsubscribe: %s', $campaign['list'])];
    }

    private function subject(string $template, string $firstName, int $issue): string
    {
        return sprintf($template, $firstName, $issue);
    }

    private function footer(string $template, string $list): string
    {
        return sprintf($template, "https://news.example/u/$list");
    }
}
