<?php

declare(strict_types=1);

namespace Newsletter;

final class Subscriptions
{
    public function apply(string $action, string $email): string
    {
        return match ($action) {
            'subscribe' => "subscribed $email",
            'unsubscribe' => "unsubscribed $email",
            'resubscribe' => "resubscribed $email",
        };
    }
}
