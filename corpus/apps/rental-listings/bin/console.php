<?php

declare(strict_types=1);

// console: `php bin/console.php OPERATION payload.json`, or `--script FILE` with one
// "trace<TAB>operation<TAB>payload file" per line, run one after another.
require __DIR__ . '/../bootstrap.php';

use App\Operations;
use SentryLite\Client;

function runCommand(Operations $operations, string $operation, string $payloadFile): void
{
    try {
        echo json_encode($operations->run($operation, json_decode((string) file_get_contents($payloadFile), true))), "\n";
    } catch (\Throwable $error) {
        Client::get()->captureException($error);
    }
}

if ($argv[1] === '--script') {
    foreach (file($argv[2], \FILE_IGNORE_NEW_LINES | \FILE_SKIP_EMPTY_LINES) as $line) {
        [$trace, $operation, $payloadFile] = explode("\t", $line);
        Client::get()->setTag('corpus_case', $trace);
        runCommand(new Operations(), $operation, $payloadFile);
    }
} else {
    runCommand(new Operations(), $argv[1], $argv[2]);
}
