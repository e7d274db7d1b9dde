import "server-only";

// `/api/<project_id>/store/` and `/api/<project_id>/envelope/`, with the query string kept.
const SDK_PATH_WITH_SLASH = /^(\/api\/\d+\/(?:store|envelope))\/(?=\?|$)/;

/**
 * Sentry SDKs post to `/api/<project_id>/envelope/`, with a trailing slash. Next.js answers any path with a
 * trailing slash with a 308 redirect to the path without it, which a browser's CORS preflight may not follow
 * and some SDK transports do not follow for a POST; so the custom server (scripts/serve.ts) strips that one
 * slash from the SDK paths before Next.js routes the request. Other paths are returned unchanged.
 */
export function withoutIngestTrailingSlash(url: string): string {
  return url.replace(SDK_PATH_WITH_SLASH, "$1");
}
