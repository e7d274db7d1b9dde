<?php

declare(strict_types=1);

namespace Newsletter;

/** What the web endpoints, the queue consumer, the cron and the console can ask for. */
final class Actions
{
    /** @return array<string, \Closure(array): mixed> */
    public static function table(): array
    {
        $bounces = new Bounces();

        return [
            'compose' => static fn (array $p) => (new Composer())->compose(array_merge((new Campaigns())->find($p['campaign']), $p['overrides'] ?? []), $p['first_name']),
            'schedule' => static fn (array $p) => (new Scheduler())->sendAt($p['at'], $p['timezone']),
            'segment' => static fn (array $p) => (new Segments())->matches($p['pattern'], $p['emails']),
            'restore-template' => static fn (array $p) => (new TemplateCache())->restore($p['cached']),
            'throttle' => static fn (array $p) => (new Throttle())->batches($p['recipients'], $p['per_minute']),
            'subscription' => static fn (array $p) => (new Subscriptions())->apply($p['action'], $p['email']),
            'import' => static fn (array $p) => (new SubscriberImport())->import($p['csv']),
            'webhook' => static fn (array $p) => (new Webhooks())->receive($p['body'], $bounces),
        ];
    }
}
