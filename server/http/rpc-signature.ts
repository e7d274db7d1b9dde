import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
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

const holder = globalThis as typeof globalThis & { __regroupApiSecret?: string };

/** Where the grouping API secret comes from, for the start-up message (the secret itself is never printed). */
export function groupingApiSecretSource(): string {
  groupingApiSecret();
  const config = env();
  return config.GROUPING_API_SECRET ? "GROUPING_API_SECRET" : path.join(config.dataDir, "grouping-api-secret");
}

/** GROUPING_API_SECRET, or one generated once into DATA_DIR (mode 0600) when it is unset. */
export function groupingApiSecret(): string {
  if (holder.__regroupApiSecret) return holder.__regroupApiSecret;
  const config = env();
  if (config.GROUPING_API_SECRET) return (holder.__regroupApiSecret = config.GROUPING_API_SECRET);
  const file = path.join(config.dataDir, "grouping-api-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
      logger.info(`generated the grouping API secret into ${file} (set GROUPING_API_SECRET to choose one)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (holder.__regroupApiSecret = fs.readFileSync(file, "utf8").trim());
}

/** Throws 401 unless the header carries the body's signature under the shared secret. */
export function verifyRpcSignature(
  rawBody: string | Buffer,
  authorization: string | null,
  secret = groupingApiSecret(),
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
  const given = Buffer.from(authorization.slice(SIGNATURE_SCHEME.length).trim(), "hex");
  const expected = Buffer.from(signBody(rawBody, secret), "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, "bad_signature", "The request signature does not match its body.");
  }
}
