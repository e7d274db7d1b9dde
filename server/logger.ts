import "server-only";
import pino, { type Logger } from "pino";

type Level = "debug" | "info" | "warn" | "error";
const levels: readonly Level[] = ["debug", "info", "warn", "error"];

/** Field names whose values are secrets; pino replaces them, at the top level or one object down. */
const secretKeys = [
  "password",
  "newPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "secret",
  "clientSecret",
  "apiKey",
  "authorization",
  "cookie",
  '["set-cookie"]',
  '["x-sentry-auth"]',
  "sentry_key",
  "sentry_secret",
  "publicKey",
  "secretKey",
  "dsn",
  "databaseUrl",
  "connectionString",
];
export const redactedPaths = secretKeys.flatMap((key) => {
  const nested = key.startsWith("[") ? `*${key}` : `*.${key}`;
  return [key, nested];
});
export const REDACTED = "[redacted]";

function configuredLevel(): Level {
  const level = process.env.LOG_LEVEL as Level | undefined;
  return level && levels.includes(level) ? level : "info";
}

// Each line is written through process.stdout/stderr.write when it is logged (not through a file descriptor opened
// at start-up), so warnings and errors stay off stdout for scripts that print JSON there.
const toStdout = { write: (line: string) => process.stdout.write(line) };
const toStderr = { write: (line: string) => process.stderr.write(line) };

function createLogger(level: Level): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor: REDACTED },
    },
    pino.multistream(
      [
        { level: "debug", stream: toStdout },
        { level: "warn", stream: toStderr },
      ],
      { dedupe: true },
    ),
  );
}

let instance: Logger | undefined;

// LOG_LEVEL is read on every call: scripts set it after their imports have loaded this module.
function current(): Logger {
  const level = configuredLevel();
  instance ??= createLogger(level);
  if (instance.level !== level) instance.level = level;
  return instance;
}

function serialiseError(error: Error): Record<string, unknown> {
  const { type: _type, ...rest } = pino.stdSerializers.err(error);
  return { name: error.name, ...rest };
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const plain = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value instanceof Error ? serialiseError(value) : value]),
  );
  current()[level](plain, message);
}

/**
 * Structured JSON-line logs (pino): debug and info on stdout, warn and error on stderr. Fields named like secrets
 * (password, token, authorization, cookie, sentry_key, dsn…) are redacted; a secret inside a message or an error's
 * text is not, so never put one there.
 */
export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
