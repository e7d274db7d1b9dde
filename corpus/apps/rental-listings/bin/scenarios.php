<?php

declare(strict_types=1);

// Drives rental-listings through its entry points: the HTTP front controller (PHP's built-in server) and its
// batch route, the queue worker with retries, and the console. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
const OCCURRENCES = 3;
mt_srand((int) getenv('CORPUS_SEED'));

function pick(string ...$options): string
{
    return $options[mt_rand(0, \count($options) - 1)];
}

function stay(array $overrides = []): array
{
    $day = mt_rand(1, 20);

    return array_merge(['listing' => 'L-' . mt_rand(100, 999), 'checkin' => sprintf('2024-07-%02d', $day),
        'checkout' => sprintf('2024-07-%02d', $day + mt_rand(2, 7)), 'guests' => mt_rand(1, 5), 'currency' => 'EUR'], $overrides);
}

function listing(array $overrides = []): array
{
    return array_merge(['id' => 'L-' . mt_rand(100, 999), 'price' => mt_rand(60, 200) . '.00',
        'fees' => ['cleaning' => mt_rand(20, 80) . '.00'], 'amenities' => '["wifi","kitchen","balcony"]'], $overrides);
}

$causes = [
    ['nightly-price-decimal-comma', 'import-listing', fn () => listing(['price' => mt_rand(60, 200) . ',' . mt_rand(10, 99)])],
    ['cleaning-fee-decimal-comma', 'import-listing', fn () => listing(['fees' => ['cleaning' => mt_rand(20, 80) . ',00']])],
    ['amenities-json-truncated', 'import-listing', fn () => listing(['amenities' => substr('["wifi","kitchen","balcony"]', 0, mt_rand(8, 20))])],
    ['calendar-feed-truncated', 'import-calendar', fn () => ['feed' => substr('{"blocked":[{"from":"2024-07-01","to":"2024-07-04"}]}', 0, mt_rand(15, 40))]],
    ['calendar-range-date-format', 'import-calendar', fn () => ['feed' => json_encode(['blocked' => [['from' => pick('13/07/2024', 'Anfang Juli', '2024-07-xx'), 'to' => '2024-07-04']]])]],
    ['checkin-date-format', 'quote', fn () => stay(['checkin' => pick('15/07/2024', 'ab 15 Uhr', 'Mitte Juli')])],
    ['guests-as-text', 'quote', fn () => stay(['guests' => pick('2 adults', '3', 'two')])],
    ['same-day-checkout', 'quote', fn () => stay(['checkout' => null]) ],
    ['currency-not-supported', 'quote', fn () => stay(['currency' => pick('EURO', 'USD', 'eur')])],
    ['reservation-overlaps-block', 'reserve', fn () => stay(['already_blocked' => [['2024-07-01', '2024-07-28']]])],
    ['listing-without-owner', 'payout', fn () => ['listing' => 'L-ORPHAN-' . mt_rand(10, 99), 'amount' => mt_rand(10000, 90000)]],
    ['gallery-without-cover', 'render', fn () => ['photos' => ['first' => 'p' . mt_rand(1, 9) . '.jpg']]],
    ['review-scores-incomplete', 'render', fn () => ['photos' => ['cover' => 'c.jpg'], 'scores' => array_slice([5, 4, 3, 4], 0, pick('2', '4') === '2' ? 2 : 4)]],
];

$root = dirname(__DIR__);
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$server = proc_open([\PHP_BINARY, '-S', "127.0.0.1:$port", 'public/index.php'], [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, $root);
for ($i = 0; $i < 100 && !@fsockopen('127.0.0.1', $port); ++$i) {
    usleep(50000);
}
$work = sys_get_temp_dir() . '/rental-' . getmypid();
@mkdir($work);
$queue = [];
$script = [];

function post(int $port, string $path, ?string $trace, mixed $body): void
{
    $headers = "Content-Type: application/json\r\n" . ($trace !== null ? "X-Corpus-Case: $trace\r\n" : '');
    file_get_contents("http://127.0.0.1:$port/$path", false, stream_context_create(['http' => [
        'method' => 'POST', 'header' => $headers, 'content' => json_encode($body), 'ignore_errors' => true]]));
}

$payloadFile = function (array $payload) use ($work, &$queue, &$script): string {
    $file = sprintf('%s/payload-%d.json', $work, \count($queue) + \count($script));
    file_put_contents($file, json_encode($payload));

    return $file;
};

$cases = 0;
foreach ($causes as [$name, $operation, $payload]) {
    $entries = ["POST /$operation", "worker $operation", "console $operation"];
    if ($operation === 'quote') {
        $entries[] = 'POST /batch/quote';
    }
    foreach ($entries as $entry) {
        for ($n = 0; $n < OCCURRENCES; ++$n) {
            $trace = "$name|$entry|$n";
            $data = $payload();
            if ($name === 'same-day-checkout') {
                $data['checkout'] = $data['checkin'];
            }
            match (explode(' ', $entry)[0]) {
                'POST' => $entry === 'POST /batch/quote'
                    ? post($port, 'batch/quote', null, [['trace' => $trace, 'quote' => $data]])
                    : post($port, $operation, $trace, $data),
                'worker' => $queue[] = implode("\t", [$trace, $operation, $payloadFile($data)]),
                'console' => $script[] = implode("\t", [$trace, $operation, $payloadFile($data)]),
            };
            ++$cases;
        }
    }
}
proc_terminate($server);
proc_close($server);
file_put_contents("$work/queue.tsv", implode("\n", $queue) . "\n");
file_put_contents("$work/script.tsv", implode("\n", $script) . "\n");
foreach ([['bin/worker.php', "$work/queue.tsv"], ['bin/console.php', '--script', "$work/script.tsv"]] as $command) {
    $process = proc_open(array_merge([\PHP_BINARY], $command), [1 => ['file', '/dev/null', 'w'], 2 => \STDERR], $pipes, $root);
    if (proc_close($process) !== 0) {
        fwrite(\STDERR, 'failed: ' . implode(' ', $command) . "\n");
        exit(1);
    }
}
echo "CORPUS_CASES $cases\n";
