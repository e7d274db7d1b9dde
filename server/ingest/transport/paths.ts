import "server-only";

// The SDK paths, once repeated slashes are collapsed and the trailing one dropped: `/api/<project_id>/store`,
// `/api/<project_id>/envelope` and the legacy `/api/store` (no project id: the key names the project).
const SDK_PATH = /^\/api\/(?:\d+\/(?:store|envelope)|store)$/;

/**
 * Sentry SDKs post to `/api/<project_id>/envelope/`, with a trailing slash, and a DSN with a trailing slash or a
 * host ending in one gives `//api/1//store/`; Relay routes both. Next.js answers a trailing slash with a 308
 * redirect, which a browser's CORS preflight may not follow and some SDK transports do not follow for a POST, and
 * has no route for the doubled slashes; so the custom server (scripts/serve.ts) rewrites the SDK paths to their
 * plain form before Next.js routes the request, the query string kept. Other paths are returned unchanged.
 */
export function normalizeIngestPath(url: string): string {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const plain = path.replace(/\/{2,}/g, "/").replace(/\/$/, "");
  return SDK_PATH.test(plain) ? plain + (queryStart === -1 ? "" : url.slice(queryStart)) : url;
}
