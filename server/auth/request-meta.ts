import "server-only";
import { env } from "../env";

/**
 * The address the trusted proxies saw the client at: each proxy appends the address it was called from to
 * X-Forwarded-For, so with N trusted proxies it is the N-th entry from the right. Everything left of it was sent
 * by the client and could be anything.
 */
function forwardedFor(request: Request, trustedProxies: number): string | undefined {
  const header = request.headers.get("x-forwarded-for");
  if (!trustedProxies || !header) return undefined;
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxies)];
}

/**
 * The client's address: with TRUST_PROXY, the one the trusted proxies put in X-Forwarded-For; otherwise the
 * socket's address, which the custom server puts in X-Regroup-Remote-Address (scripts/serve.ts overwrites any
 * value a client sent).
 */
export function clientIp(request: Request): string {
  return forwardedFor(request, env().TRUST_PROXY) || request.headers.get("x-regroup-remote-address") || "unknown";
}

/** Whether the browser reached regroup over https: X-Forwarded-Proto counts only from a trusted proxy. */
export function isHttps(request: Request): boolean {
  const forwarded = env().TRUST_PROXY ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutation(request: Request): boolean {
  return MUTATING.has(request.method.toUpperCase());
}

/**
 * Whether a browser sent this request from another site. Browsers say so in Sec-Fetch-Site, and in Origin;
 * a request with neither (curl, scripts) comes from no site at all and is judged by its session alone.
 */
export function isCrossOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  // X-Forwarded-Host counts only from a trusted proxy; a client could otherwise make any origin look like ours.
  const forwardedHost = env().TRUST_PROXY ? request.headers.get("x-forwarded-host") : null;
  const host = forwardedHost ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
