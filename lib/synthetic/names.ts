import type { Rng } from "./random";

// Word pools for application code. Names are composed (verb + noun, domain + layer), so thousands of apps
// get distinct code bases while still reading like real ones.

export const DOMAINS = [
  "billing", "orders", "checkout", "payments", "invoices", "accounts", "auth", "users", "search", "catalog",
  "inventory", "shipping", "notifications", "emails", "reports", "analytics", "subscriptions", "pricing",
  "coupons", "reviews", "media", "uploads", "exports", "imports", "webhooks", "integrations", "teams",
  "projects", "issues", "alerts", "schedules", "workflows", "documents", "comments", "feeds", "profiles",
  "sessions", "audit", "ledger", "refunds", "tax", "quotes", "carts", "wishlists", "loyalty", "bookings",
  "calendar", "messages", "chat", "tickets", "support", "onboarding", "settings", "permissions", "tenants",
  "devices", "sensors", "telemetry", "metrics", "releases", "deployments", "builds", "artifacts", "summaries",
  "autofix", "fixability", "similarity", "grouping", "ingest", "replays", "profiling", "crons", "uptime",
] as const;

export const NOUNS = [
  "order", "invoice", "payment", "account", "user", "session", "token", "cart", "item", "product", "price",
  "discount", "coupon", "shipment", "address", "report", "summary", "state", "score", "event", "issue", "group",
  "project", "team", "member", "role", "permission", "webhook", "payload", "request", "response", "config",
  "setting", "schedule", "job", "task", "batch", "record", "entry", "document", "file", "upload", "image",
  "thumbnail", "message", "thread", "comment", "notification", "email", "template", "quota", "limit", "plan",
  "subscription", "customer", "vendor", "ledger", "balance", "refund", "receipt", "tax", "rate", "quote",
  "booking", "slot", "device", "metric", "alert", "rule", "release", "build", "artifact", "snapshot", "cursor",
  "page", "query", "filter", "index", "cache", "lock", "queue", "stream", "chunk", "manifest", "signature",
  "fixability", "autofix", "embedding", "fingerprint", "trace", "span", "profile", "replay", "monitor",
] as const;

export const VERBS = [
  "get", "load", "fetch", "find", "create", "build", "make", "update", "save", "delete", "remove", "process",
  "handle", "send", "sync", "refresh", "compute", "calculate", "validate", "parse", "render", "serialize",
  "resolve", "apply", "generate", "schedule", "dispatch", "enqueue", "import", "export", "merge", "prepare",
  "collect", "check", "verify", "authorize", "charge", "notify", "publish", "record", "lookup", "normalize",
  "transform", "upload", "download", "run", "execute", "query", "list", "aggregate", "reconcile", "retry",
] as const;

export const QUALIFIERS = [
  "", "", "", "", "", "for_user", "for_project", "by_id", "async", "bulk", "from_cache", "with_retry", "and_notify",
  "if_needed", "for_org", "v2", "batch", "internal", "legacy", "signed", "remote", "and_update", "for_group",
] as const;

export const LAYERS = {
  entry: ["views", "api", "handlers", "controllers", "routes", "tasks", "jobs", "endpoints", "consumers"],
  service: ["services", "logic", "core", "manager", "workflows", "domain", "usecases"],
  data: ["repository", "models", "store", "queries", "dao"],
  client: ["client", "gateway", "adapters", "integrations", "remote", "sdk"],
  util: ["utils", "helpers", "common", "lib", "support"],
} as const;

export type Layer = keyof typeof LAYERS;

export const COMPANIES = [
  "acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne", "tyrell", "cyberdyne",
  "soylent", "wonka", "oscorp", "aperture", "blackmesa", "monarch", "piedpiper", "massive", "nakatomi", "gringotts",
];

export const PRODUCTS = [
  "api", "web", "worker", "dashboard", "backend", "frontend", "service", "gateway", "portal", "console", "mobile-api",
  "scheduler", "ingest", "admin", "store", "platform", "core", "app", "server", "jobs",
];

export function snake(words: string[]): string {
  return words.filter(Boolean).join("_").toLowerCase();
}

export function camel(words: string[]): string {
  const parts = words.filter(Boolean).flatMap((w) => w.split("_"));
  return parts.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1))).join("");
}

export function pascal(words: string[]): string {
  const c = camel(words);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** A function name's words: verb, noun(s) and sometimes a qualifier, e.g. ["get", "autofix", "state"]. */
export function functionWords(rng: Rng): string[] {
  const words: string[] = [rng.pick(VERBS), rng.pick(NOUNS)];
  if (rng.chance(0.45)) words.push(rng.pick(NOUNS));
  const qualifier = rng.pick(QUALIFIERS);
  if (qualifier) words.push(qualifier);
  return words;
}
