<?php

declare(strict_types=1);

require __DIR__ . '/../bootstrap.php';

use Newsletter\Actions;
use SentryLite\Client;

// POST /actions/{name} with a JSON body.
$route = static function (string $uri): callable {
    $name = basename((string) parse_url($uri, \PHP_URL_PATH));
    $actions = Actions::table();

    return $actions[$name] ?? throw new \InvalidArgumentException("no action $name");
};

Client::get()->setTag('corpus_case', (string) ($_SERVER['HTTP_X_CORPUS_CASE'] ?? ''));
try {
    $action = $route($_SERVER['REQUEST_URI']);
    header('Content-Type: application/json');
    echo json_encode($action(json_decode((string) file_get_contents('php://input'), true, 32, \JSON_THROW_ON_ERROR)));
} catch (\Throwable $error) {
    Client::get()->captureException($error);
    http_response_code(500);
}
