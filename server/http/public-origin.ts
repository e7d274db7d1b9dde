import "server-only";
import { isHttps } from "../auth/request-meta";
import { env } from "../env";

/**
 * The origin SDKs reach regroup at, for the DSNs the console shows: PUBLIC_URL when it is set; otherwise the host the
 * request came to, or the one a trusted proxy (TRUST_PROXY) names in X-Forwarded-Host.
 */
export function publicOrigin(request: Request): string {
  const config = env();
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  const forwardedHost = config.TRUST_PROXY ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null;
  const host = forwardedHost || request.headers.get("host") || new URL(request.url).host;
  return `${isHttps(request) ? "https" : "http"}://${host}`;
}
