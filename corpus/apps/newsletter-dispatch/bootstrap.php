<?php

declare(strict_types=1);

require_once __DIR__ . '/../../capture/php/SentryLite.php';

spl_autoload_register(static function (string $class): void {
    $file = __DIR__ . '/src/' . substr(strrchr('\\' . $class, '\\'), 1) . '.php';
    if (str_starts_with($class, 'Newsletter\\') && is_file($file)) {
        require_once $file;
    }
});
require_once __DIR__ . '/src/Campaigns.php';

// Every warning, notice and deprecation is an exception here (strict mode of the framework it grew out of).
set_error_handler(static function (int $severity, string $message, string $file, int $line): never {
    throw new \ErrorException($message, 0, $severity, $file, $line);
});

\SentryLite\Client::init((string) getenv('SENTRY_DSN'), (string) getenv('CORPUS_RELEASE'), __DIR__);
