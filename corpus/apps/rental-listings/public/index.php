<?php

declare(strict_types=1);

// Front controller: POST /{operation} with a JSON body; POST /batch/quote with a list of traced quotes.
require __DIR__ . '/../bootstrap.php';

use App\Operations;
use SentryLite\Client;

$sentry = Client::get();
$sentry->setTag('corpus_case', $_SERVER['HTTP_X_CORPUS_CASE'] ?? '');
$operations = new Operations();
$path = trim((string) parse_url($_SERVER['REQUEST_URI'], \PHP_URL_PATH), '/');
$body = json_decode((string) file_get_contents('php://input'), true);

if ($path === 'batch/quote') {
    $failed = 0;
    foreach ($body as $item) {
        $sentry->setTag('corpus_case', $item['trace']);
        try {
            $operations->run('quote', $item['quote']);
        } catch (\Throwable $error) {
            ++$failed;
            $sentry->captureException($error);
        }
    }
    echo json_encode(['failed' => $failed]);

    return;
}

try {
    echo json_encode($operations->run($path, $body));
} catch (\Throwable $error) {
    $sentry->captureException($error);
    http_response_code(500);
    echo '{"error":"internal"}';
}
