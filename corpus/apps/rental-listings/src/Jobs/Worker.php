<?php

declare(strict_types=1);

namespace App\Jobs;

use App\Operations;
use SentryLite\Client;

/** Consumes queued jobs ("trace<TAB>operation<TAB>payload file" lines), retrying each before giving up. */
final class Worker
{
    private const ATTEMPTS = 2;

    public function __construct(private readonly Operations $operations)
    {
    }

    public function consume(string $queueFile): void
    {
        foreach (file($queueFile, \FILE_IGNORE_NEW_LINES | \FILE_SKIP_EMPTY_LINES) as $line) {
            [$trace, $operation, $payloadFile] = explode("\t", $line);
            Client::get()->setTag('corpus_case', $trace);
            try {
                $this->runWithRetries($operation, json_decode((string) file_get_contents($payloadFile), true));
            } catch (JobFailedException $failed) {
                Client::get()->captureException($failed);
            }
        }
    }

    /** @param array<string, mixed> $payload */
    private function runWithRetries(string $operation, array $payload): void
    {
        $last = null;
        for ($attempt = 1; $attempt <= self::ATTEMPTS; ++$attempt) {
            try {
                $this->operations->run($operation, $payload);

                return;
            } catch (\Throwable $error) {
                $last = $error;
            }
        }
        throw new JobFailedException(sprintf('job %s failed after %d attempts', $operation, self::ATTEMPTS), 0, $last);
    }
}
