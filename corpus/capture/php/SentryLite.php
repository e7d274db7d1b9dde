<?php

declare(strict_types=1);

namespace SentryLite;

/**
 * A capture layer that builds events the way sentry-php 4.x does (StacktraceBuilder, FrameBuilder,
 * FrameContextifierIntegration, PayloadSerializer) and sends them as envelopes: frames oldest first, each frame
 * named by the function called at that position ("Class::method", "{closure}"), the last one built from the
 * throw site, "[internal]" frames not in app, the project root stripped from filenames (the "prefixes" option),
 * five lines of context without line endings, getPrevious() chain serialized oldest first.
 */
final class Client
{
    public const SDK_NAME = 'sentry.php';
    public const SDK_VERSION = '4.10.0';
    private const INTERNAL = '[internal]';
    private const CONTEXT_LINES = 5;

    private static ?Client $instance = null;
    /** @var array<string, string> */
    private array $tags = [];
    /** @var array<string, list<string>|false> */
    private array $sources = [];

    private function __construct(private string $endpoint, private string $key, private string $release, private string $projectRoot)
    {
    }

    public static function init(string $dsn, string $release, string $projectRoot): void
    {
        $parts = parse_url($dsn);
        $endpoint = sprintf('%s://%s:%d/api%s/envelope/', $parts['scheme'], $parts['host'], $parts['port'], $parts['path']);
        self::$instance = new self($endpoint, $parts['user'], $release, rtrim($projectRoot, '/'));
    }

    public static function get(): self
    {
        return self::$instance ?? throw new \LogicException('SentryLite is not initialised');
    }

    public function setTag(string $key, string $value): void
    {
        $this->tags[$key] = $value;
    }

    public function clearTags(): void
    {
        $this->tags = [];
    }

    public function captureException(\Throwable $exception): void
    {
        $chain = [];
        for ($current = $exception; $current !== null; $current = $current->getPrevious()) {
            $chain[] = $current;
        }
        $values = [];
        for ($i = \count($chain) - 1; $i >= 0; --$i) {
            $values[] = [
                'type' => \get_class($chain[$i]),
                'value' => $chain[$i]->getMessage(),
                'stacktrace' => ['frames' => $this->frames($chain[$i])],
                'mechanism' => ['type' => 'generic', 'handled' => true, 'data' => ['code' => $chain[$i]->getCode()]],
            ];
        }
        $eventId = bin2hex(random_bytes(16));
        $event = [
            'event_id' => $eventId,
            'timestamp' => microtime(true),
            'platform' => 'php',
            'sdk' => ['name' => self::SDK_NAME, 'version' => self::SDK_VERSION],
            'level' => 'error',
            'server_name' => gethostname(),
            'release' => $this->release,
            'environment' => 'production',
            'contexts' => [
                'os' => ['name' => php_uname('s'), 'version' => php_uname('r'), 'kernel_version' => php_uname('a')],
                'runtime' => ['name' => 'php', 'sapi' => \PHP_SAPI, 'version' => \PHP_VERSION],
            ],
            'tags' => $this->tags,
            'exception' => ['values' => $values],
        ];
        $this->send($eventId, $event);
    }

    /** @return list<array<string, mixed>> */
    private function frames(\Throwable $exception): array
    {
        $file = $exception->getFile();
        $line = $exception->getLine();
        $frames = [];
        foreach ($exception->getTrace() as $raw) {
            array_unshift($frames, $this->frame($file, $line, $raw));
            $file = $raw['file'] ?? self::INTERNAL;
            $line = $raw['line'] ?? 0;
        }
        array_unshift($frames, $this->frame($file, $line, []));

        return $frames;
    }

    /** @param array<string, mixed> $raw */
    private function frame(string $file, int $line, array $raw): array
    {
        $function = null;
        $rawFunction = null;
        if (isset($raw['class'], $raw['function'])) {
            $rawFunction = sprintf('%s::%s', $raw['class'], $raw['function']);
            $function = sprintf('%s::%s', preg_replace('/(?::\d+\$|0x)[a-fA-F0-9]+$/', '', $raw['class']), $raw['function']);
        } elseif (isset($raw['function'])) {
            $function = $raw['function'];
        }
        $stripped = str_starts_with($file, $this->projectRoot) ? substr($file, \strlen($this->projectRoot)) : $file;
        $frame = ['filename' => $stripped, 'lineno' => $line, 'in_app' => $file !== self::INTERNAL];
        if ($file !== self::INTERNAL) {
            $frame['abs_path'] = $file;
        }
        if ($function !== null) {
            $frame['function'] = $function;
        }
        if ($rawFunction !== null) {
            $frame['raw_function'] = $rawFunction;
        }
        if ($file !== self::INTERNAL) {
            $this->contextify($frame, $file, $line);
        }

        return $frame;
    }

    /** @param array<string, mixed> $frame */
    private function contextify(array &$frame, string $file, int $line): void
    {
        $lines = $this->sources[$file] ??= (is_readable($file) ? file($file, \FILE_IGNORE_NEW_LINES) : false);
        if ($lines === false || $line < 1 || $line > \count($lines)) {
            return;
        }
        $pre = [];
        for ($i = max(1, $line - self::CONTEXT_LINES); $i < $line; ++$i) {
            $pre[] = $lines[$i - 1];
        }
        $post = [];
        for ($i = $line + 1; $i <= min(\count($lines), $line + self::CONTEXT_LINES); ++$i) {
            $post[] = $lines[$i - 1];
        }
        if ($pre !== []) {
            $frame['pre_context'] = $pre;
        }
        $frame['context_line'] = $lines[$line - 1];
        if ($post !== []) {
            $frame['post_context'] = $post;
        }
    }

    /** @param array<string, mixed> $event */
    private function send(string $eventId, array $event): void
    {
        $payload = json_encode($event, \JSON_UNESCAPED_UNICODE | \JSON_UNESCAPED_SLASHES | \JSON_THROW_ON_ERROR | \JSON_INVALID_UTF8_SUBSTITUTE);
        $header = json_encode(['event_id' => $eventId, 'sent_at' => gmdate('Y-m-d\TH:i:s\Z'),
            'sdk' => ['name' => self::SDK_NAME, 'version' => self::SDK_VERSION]], \JSON_THROW_ON_ERROR);
        $body = $header . "\n" . json_encode(['type' => 'event', 'content_type' => 'application/json', 'length' => \strlen($payload)]) . "\n" . $payload;
        $context = stream_context_create(['http' => [
            'method' => 'POST',
            'header' => "Content-Type: application/x-sentry-envelope\r\nX-Sentry-Auth: Sentry sentry_version=7, sentry_client="
                . self::SDK_NAME . '/' . self::SDK_VERSION . ', sentry_key=' . $this->key . "\r\n",
            'content' => $body,
            'ignore_errors' => true,
        ]]);
        if (file_get_contents($this->endpoint, false, $context) === false) {
            throw new \RuntimeException('capture server unreachable');
        }
    }
}
