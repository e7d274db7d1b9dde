<?php

declare(strict_types=1);

// The five-minute cron: runs the due batch; each failing item is reported and the batch goes on.
require __DIR__ . '/../bootstrap.php';

use Newsletter\Actions;
use SentryLite\Client;

$actions = Actions::table();
$due = json_decode((string) file_get_contents($argv[1]), true);
array_walk($due, static function (array $item) use ($actions): void {
    Client::get()->setTag('corpus_case', $item['trace']);
    try {
        $actions[$item['action']]($item['payload']);
    } catch (\Throwable $error) {
        Client::get()->captureException($error);
    }
});
