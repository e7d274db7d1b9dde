<?php

declare(strict_types=1);

namespace Newsletter;

/** Delivery events posted by the mail provider. */
final class Webhooks
{
    public function receive(string $body, Bounces $bounces): string
    {
        $event = $this->decode($body);

        return $event['type'] === 'bounce' ? $bounces->classify($event) : 'ok';
    }

    private function decode(string $body): array
    {
        return json_decode($body, true, 32, \JSON_THROW_ON_ERROR);
    }
}
