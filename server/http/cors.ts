import "server-only";

/**
 * CORS for the SDK endpoints. Browser SDKs post from the application's own origin, so any origin may send
 * events: the public key, not the origin, authorises a request, and no cookie is read (hence no
 * Allow-Credentials). The allowed and exposed headers are those Sentry's Relay answers with, so that SDKs that
 * send X-Sentry-Auth or Content-Encoding pass the preflight and can read the rate-limit headers.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers":
    "x-sentry-auth, x-requested-with, x-forwarded-for, origin, referer, accept, content-type, authentication, " +
    "authorization, content-encoding, transfer-encoding, sentry-trace, baggage",
  "access-control-expose-headers": "x-sentry-error, x-sentry-rate-limits, retry-after",
  "access-control-max-age": "3600",
});

/** Returns the response with the CORS headers set (a browser cannot read a response without them, errors included). */
export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** The answer to a CORS preflight (OPTIONS). */
export function preflightResponse(): Response {
  return withCors(new Response(null, { status: 204 }));
}
