import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDataDir } from "../db/data-dir";
import { env } from "../env";
import { logger } from "../logger";
import { HttpError } from "./errors";

/**
 * Machine-to-machine calls (grouping, embed) are signed like Seer's: `Authorization: Rpcsignature rpc0:<hex>`,
 * the hex HMAC-SHA256 of the raw request body with the shared secret.
 */
export const SIGNATURE_SCHEME = "Rpcsignature rpc0:";

export function signBody(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** The Authorization header value for a body. */
export function signatureHeader(body: string | Buffer, secret: string): string {
  return `${SIGNATURE_SCHEME}${signBody(body, secret)}`;
}

const holder = globalThis as typeof globalThis & { __regroupApiSecrets?: string[] };

/** Where the grouping API secret comes from, for the start-up message (the secret itself is never printed). */
export function groupingApiSecretSource(): string {
  groupingApiSecrets();
  const config = env();
  return config.GROUPING_API_SECRET ? "GROUPING_API_SECRET" : path.join(config.dataDir, "grouping-api-secret");
}

function generatedSecret(dataDir: string): string {
  const file = path.join(dataDir, "grouping-api-secret");
  if (!fs.existsSync(file)) {
    ensurePrivateDataDir(dataDir);
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
      logger.info(`generated the grouping API secret into ${file} (set GROUPING_API_SECRET to choose one)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The accepted shared secrets: GROUPING_API_SECRET split on whitespace (several at once, like Seer's
 * JSON_API_SHARED_SECRETS, so that a secret can be rotated without downtime), or one generated once into
 * DATA_DIR (mode 0600) when it is unset.
 */
export function groupingApiSecrets(): string[] {
  if (holder.__regroupApiSecrets) return holder.__regroupApiSecrets;
  const config = env();
  const configured = config.GROUPING_API_SECRET?.split(/\s+/).filter(Boolean) ?? [];
  return (holder.__regroupApiSecrets = configured.length ? configured : [generatedSecret(config.dataDir)]);
}

/** The secret this process signs its own calls with (the first accepted one). */
export function groupingApiSecret(): string {
  return groupingApiSecrets()[0]!;
}

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/** Whether the header carries the body's signature under any of the secrets (the hex digest, exactly). */
function matchesAnySecret(rawBody: string | Buffer, hex: string, secrets: readonly string[]): boolean {
  if (!HEX_DIGEST.test(hex)) return false;
  const given = Buffer.from(hex.toLowerCase(), "hex");
  // Every secret is checked, so the time taken does not say which one (if any) matched.
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signBody(rawBody, secret), "hex");
    if (timingSafeEqual(given, expected)) matched = true;
  }
  return matched;
}

/** Throws 401 unless the header carries the body's signature under one of the shared secrets. */
export function verifyRpcSignature(
  rawBody: string | Buffer,
  authorization: string | null,
  secrets: readonly string[] = groupingApiSecrets(),
): void {
  if (!authorization) {
    throw new HttpError(
      401,
      "unauthenticated",
      `Missing Authorization header; expected "${SIGNATURE_SCHEME}<hex HMAC-SHA256 of the body>".`,
    );
  }
  if (!authorization.startsWith(SIGNATURE_SCHEME)) {
    throw new HttpError(401, "bad_signature", `The Authorization header must start with "${SIGNATURE_SCHEME}".`);
  }
  if (!matchesAnySecret(rawBody, authorization.slice(SIGNATURE_SCHEME.length).trim(), secrets)) {
    throw new HttpError(401, "bad_signature", "The request signature does not match its body.");
  }
}
