<?php

declare(strict_types=1);

// Queue consumer: one message per line ("trace<TAB>action<TAB>json"); a message is tried three times, then
// dead-lettered with the last error as its cause.
require __DIR__ . '/../bootstrap.php';

use Newsletter\Actions;
use Newsletter\DeliveryFailed;
use SentryLite\Client;

function handleMessage(string $action, array $payload): void
{
    $attempts = 0;
    while (true) {
        try {
            Actions::table()[$action]($payload);

            return;
        } catch (\Throwable $error) {
            if (++$attempts === 3) {
                throw new DeliveryFailed("message for $action dead-lettered after $attempts attempts", 0, $error);
            }
        }
    }
}

foreach (file($argv[1], \FILE_IGNORE_NEW_LINES | \FILE_SKIP_EMPTY_LINES) as $message) {
    [$trace, $action, $json] = explode("\t", $message, 3);
    Client::get()->setTag('corpus_case', $trace);
    try {
        handleMessage($action, json_decode($json, true));
    } catch (DeliveryFailed $failed) {
        Client::get()->captureException($failed);
    }
}
