import "server-only";
import path from "node:path";
import { z } from "zod";

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
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** HMAC secret of the machine-to-machine APIs (grouping, embed); generated into DATA_DIR when unset. */
  GROUPING_API_SECRET: optionalString,
  /** The first admin, created at first start; without a password one is generated and printed once. */
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).default("admin@localhost"),
  ADMIN_PASSWORD: optionalString.refine((value) => value === undefined || value.length >= 12, {
    message: "must be at least 12 characters",
  }),
  /** Wrong passwords allowed per email and per IP within the window before sign-in answers 429. */
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (otherwise it could be forged). */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Sentry SDK requests (each at most one event) a second per project key, and the burst above it; 0: no limit. */
  INGEST_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
  INGEST_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /** Where model artifacts live (models/<version>/model.onnx + config.json). */
  MODELS_DIR: z.string().trim().min(1).default("models"),
  /** Execution provider for inference: auto (CUDA when it loads, else CPU), cpu, or cuda (fail if unavailable). */
  INFERENCE_DEVICE: z.enum(["auto", "cpu", "cuda"]).default("auto"),
  /** Another regroup instance whose /api/embed serves inference instead of loading the models here. */
  INFERENCE_URL: optionalString.refine((value) => value === undefined || /^https?:\/\//.test(value), {
    message: "must be an http:// or https:// URL",
  }),
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
