import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { UnauthenticatedError, ValidationError } from "../../http/errors";

/**
 * Sentry SDK authentication: the project's public key (the user part of the DSN
 * `http://<public_key>@<host>/<project_id>`) comes in `X-Sentry-Auth: Sentry sentry_key=…, sentry_version=7`
 * (older SDKs use `Authorization: Sentry …`), in the `sentry_key` query parameter (browser SDKs, which avoid a
 * CORS preflight that way), or in the `dsn` of the envelope header. Every key a request offers must be the
 * project's: a request that carries two different keys is refused rather than judged by one of them.
 */
export interface KeyOffer {
  /** Where the key came from, for the error message. */
  source: string;
  key: string;
}

/** Parses `Sentry sentry_key=abc, sentry_version=7, sentry_client=sentry.python/2.0` into its fields. */
export function parseSentryAuthHeader(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const body = value.trim().replace(/^sentry\s+/i, "");
  for (const part of body.split(",")) {
    const equals = part.indexOf("=");
    if (equals === -1) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const raw = part.slice(equals + 1).trim();
    fields[name] = raw.replace(/^"(.*)"$/, "$1");
  }
  return fields;
}

/** The keys a request offers in its headers and query string (the envelope's dsn is read separately). */
export function keysFromRequest(request: Request): KeyOffer[] {
  const offers: KeyOffer[] = [];
  const sentryAuth = request.headers.get("x-sentry-auth");
  if (sentryAuth) {
    const key = parseSentryAuthHeader(sentryAuth).sentry_key;
    if (key) offers.push({ source: "the X-Sentry-Auth header", key });
  }
  const authorization = request.headers.get("authorization");
  if (authorization && /^sentry\s/i.test(authorization.trim())) {
    const key = parseSentryAuthHeader(authorization).sentry_key;
    if (key) offers.push({ source: "the Authorization header", key });
  }
  const queryKey = new URL(request.url).searchParams.get("sentry_key");
  if (queryKey) offers.push({ source: "the sentry_key query parameter", key: queryKey });
  return offers;
}

/** The key and project id of a DSN (`https://<key>[:<secret>]@host[/path]/<project_id>`). */
export function parseDsn(dsn: string): { key: string; projectId: string } {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    throw new ValidationError("Malformed envelope: the dsn in the envelope header is not a URL.");
  }
  const projectId = url.pathname.replace(/\/+$/, "").split("/").pop() ?? "";
  if (!url.username || !projectId) {
    throw new ValidationError("Malformed envelope: the dsn in the envelope header has no public key or no project id.");
  }
  return { key: decodeURIComponent(url.username), projectId };
}

/** The key offered by an envelope header's dsn, which must name the project of the URL. */
export function keyFromDsn(dsn: string, projectId: number): KeyOffer {
  const parsed = parseDsn(dsn);
  if (parsed.projectId !== String(projectId)) {
    throw new UnauthenticatedError(
      `The dsn in the envelope header is for project ${parsed.projectId}, but the request was sent to project ${projectId}.`,
    );
  }
  return { source: "the envelope header's dsn", key: parsed.key };
}

// Hashing first gives both sides the same length, which timingSafeEqual needs, without leaking the length.
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Compares two keys in constant time. */
export function keysEqual(offered: string, expected: string): boolean {
  return timingSafeEqual(digest(offered), digest(expected));
}

/** The 401 of a request that offers no key. */
export function missingKeyError(): UnauthenticatedError {
  return new UnauthenticatedError(
    "Missing Sentry key: send `X-Sentry-Auth: Sentry sentry_key=<public key>, sentry_version=7`, " +
      "or `?sentry_key=<public key>`, or a dsn in the envelope header.",
  );
}

/** Throws 401 unless at least one key is offered and every offered key is the project's public key. */
export function authenticate(project: { id: number; publicKey: string }, offers: readonly KeyOffer[]): void {
  if (offers.length === 0) throw missingKeyError();
  for (const offer of offers) {
    if (!keysEqual(offer.key, project.publicKey)) {
      throw new UnauthenticatedError(
        `The Sentry key in ${offer.source} is not the public key of project ${project.id}; check the DSN the SDK uses.`,
      );
    }
  }
}
