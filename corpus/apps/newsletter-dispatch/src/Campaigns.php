<?php

declare(strict_types=1);

namespace Newsletter;

final class CampaignNotFound extends \RuntimeException
{
}

final class Campaigns
{
    private const KNOWN = ['spring-sale', 'weekly-digest', 'product-update'];

    /** @return array<string, mixed> */
    public function find(string $slug): array
    {
        if (!\in_array($slug, self::KNOWN, true)) {
            throw new CampaignNotFound("campaign \"$slug\" does not exist");
        }

        return ['slug' => $slug, 'subject' => 'Hi %s, issue %d is out', 'issue' => 12, 'list' => 'main'];
    }
}
