import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseNetworkList } from "./http/network-list";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** Every environment variable regroup reads, parsed once. README.md's configuration table mirrors this. */
const envSchema = z.object({
  DATABASE_URL: optionalString.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    message: "must be a postgres:// or postgresql:// URL",
  }),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  /**
   * Where the embedded database runs PostgreSQL: on a thread of its own (`own`: statements cross to it by message),
   * or on the server's event loop (`main`, where HTTP, Prisma and PostgreSQL share one core); see docs/design.md, Scale.
   */
  EMBEDDED_DATABASE_THREAD: z.enum(["own", "main"]).default("own"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  /**
   * The URL SDKs reach regroup at (scheme, host and port), for the DSNs the console shows; unset: the host each request
   * came to (X-Forwarded-Host and -Proto with TRUST_PROXY).
   */
  PUBLIC_URL: optionalString.refine((value) => value === undefined || /^https?:\/\/[^/?#\s]+/.test(value), {
    message: "must be an http:// or https:// URL",
  }),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * HMAC secret(s) of the machine-to-machine APIs (grouping, embed), space-separated to rotate one without downtime
   * (the first signs regroup's own calls); generated into DATA_DIR when unset. Each must be at least 32 characters:
   * a short shared secret can be guessed offline from one signed request.
   */
  GROUPING_API_SECRET: optionalString.refine(
    (value) => value === undefined || value.split(/\s+/).every((secret) => secret.length >= 32),
    {
      message:
        "must be at least 32 characters, each secret (a short one can be guessed offline from one signed request)",
    },
  ),
  /**
   * Networks whose unsigned calls the grouping API's delete endpoints accept (Sentry sends those unsigned): CIDR
   * list, or "none". Everyone else must sign.
   */
  GROUPING_API_UNSIGNED_NETWORKS: z
    .string()
    .trim()
    .default("127.0.0.0/8 ::1")
    .superRefine((value, context) => {
      try {
        parseNetworkList(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** The first admin, created at first start; without a password one is generated and printed once. */
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).default("admin@localhost"),
  ADMIN_PASSWORD: optionalString.refine((value) => value === undefined || value.length >= 12, {
    message: "must be at least 12 characters",
  }),
  /** Wrong passwords in a row for one email from one address within the window before sign-in answers 429. */
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  /** The same for one email from all addresses together: far higher, so one attacker cannot lock its owner out. */
  SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(500),
  /** Wrong passwords from one address for any emails (password spraying). */
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** A session not used for this long ends (it ends after 14 days in any case). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(720),
  /** The longest a PostgreSQL statement may run (DATABASE_URL only); 0 turns the limit off. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * Behind reverse proxies: how many of them append to X-Forwarded-For (and whose X-Forwarded-Proto counts).
   * true is one; false or 0 take the socket's address (a client could forge the headers).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .refine((value) => /^(true|false|[0-9])$/.test(value), {
      message: "must be true, false or a number of proxies (0-9)",
    })
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
  /** Sentry SDK requests (each at most one event) a second per project key, and the burst above it; 0: no limit. */
  INGEST_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
  INGEST_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /**
   * How the SDK endpoints ingest: `queue` answers once the event is durably in the inbox and a worker groups it in
   * batches (server/ingest/inbox); `sync` groups it before answering (for tests and callers that read the issue at
   * once).
   */
  INGEST_MODE: z.enum(["queue", "sync"]).default("queue"),
  /** Where model artifacts live (models/<version>/model.onnx + config.json). */
  MODELS_DIR: z.string().trim().min(1).default("models"),
  /** Execution provider for inference: auto (CUDA when it loads, else CPU), cpu, or cuda (fail if unavailable). */
  INFERENCE_DEVICE: z.enum(["auto", "cpu", "cuda"]).default("auto"),
  /**
   * Threads one CPU inference runs on. 1: in the server's thread, beside the database's, which is what a server that
   * also serves HTTP and PostgreSQL on a few cores gets the most from (measured with `npm run loadtest`); more for a
   * host that only serves /api/embed.
   */
  INFERENCE_THREADS: z.coerce.number().int().min(1).max(256).default(1),
  /** Another regroup instance whose /api/embed serves inference instead of loading the models here. */
  INFERENCE_URL: optionalString.refine((value) => value === undefined || /^https?:\/\//.test(value), {
    message: "must be an http:// or https:// URL",
  }),
  /**
   * The automated labeler's LLM (`npm run label -- --labeler llm`, the console's label job): an OpenAI-compatible
   * chat-completions API at this base URL (…/v1), the model to ask, and its key.
   */
  LABELER_LLM_URL: optionalString.refine((value) => value === undefined || /^https?:\/\//.test(value), {
    message: "must be an http:// or https:// URL",
  }),
  LABELER_LLM_MODEL: optionalString,
  LABELER_LLM_API_KEY: optionalString,
  /** How long one answer may take before it is retried. */
  LABELER_LLM_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  /** Pairs asked at once, and the tokens one label run may spend before it stops. */
  LABELER_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  LABELER_LLM_TOKEN_BUDGET: z.coerce.number().int().min(1).default(500_000),
  /**
   * Cohen's kappa against the experts' majority an automated labeler needs before the Overgrouping page may compute
   * its rates from that labeler's labels (never by default: experts' labels are the default).
   */
  LABELER_MIN_KAPPA: z.coerce.number().min(-1).max(1).default(0.7),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses process.env (or the given record); throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new EnvError(`Invalid configuration: ${problems.join("; ")}.`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
