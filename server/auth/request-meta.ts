import "server-only";
import { env } from "../env";

/**
 * The client's address: with TRUST_PROXY, the first X-Forwarded-For hop; otherwise the socket's address, which
 * the custom server puts in X-Regroup-Remote-Address (scripts/serve.ts overwrites any value a client sent).
 */
export function clientIp(request: Request): string {
  const forwarded = env().TRUST_PROXY ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || request.headers.get("x-regroup-remote-address") || "unknown";
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
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
