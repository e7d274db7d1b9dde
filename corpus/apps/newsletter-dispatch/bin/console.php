<?php

declare(strict_types=1);

// console ACTION payload.json | console --script FILE ("trace<TAB>action<TAB>payload file" per line)
require __DIR__ . '/../bootstrap.php';

use Newsletter\Actions;
use SentryLite\Client;

final class Console
{
    public function run(string $action, string $payloadFile): int
    {
        try {
            $payload = json_decode((string) file_get_contents($payloadFile), true, 32, \JSON_THROW_ON_ERROR);
            echo json_encode(Actions::table()[$action]($payload)), \PHP_EOL;

            return 0;
        } catch (\Throwable $error) {
            Client::get()->captureException($error);

            return 1;
        }
    }
}

$console = new Console();
if ($argv[1] === '--script') {
    foreach (file($argv[2], \FILE_IGNORE_NEW_LINES | \FILE_SKIP_EMPTY_LINES) as $line) {
        [$trace, $action, $file] = explode("\t", $line);
        Client::get()->setTag('corpus_case', $trace);
        $console->run($action, $file);
    }
} else {
    exit($console->run($argv[1], $argv[2]));
}
