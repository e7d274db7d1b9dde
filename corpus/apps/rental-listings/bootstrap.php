<?php

declare(strict_types=1);

require_once __DIR__ . '/../../capture/php/SentryLite.php';

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'App\\')) {
        $path = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 4)) . '.php';
        if (is_file($path)) {
            require_once $path;
        }
    }
});

// Warnings and notices become exceptions, as the frameworks do.
set_error_handler(static function (int $severity, string $message, string $file, int $line): bool {
    throw new \ErrorException($message, 0, $severity, $file, $line);
});

\SentryLite\Client::init((string) getenv('SENTRY_DSN'), (string) getenv('CORPUS_RELEASE'), __DIR__);
