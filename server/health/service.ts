import "server-only";
import type { HealthResponse } from "@/lib/contracts/health";
import { getDatabase } from "../db";
import { describeDatabaseError } from "../db/errors";
import { ServiceUnavailableError } from "../http/errors";
import { modelsReadiness } from "../inference/warm-up";
import { version } from "../version";

const PROBE_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Reports ok only after a real query against the migrated schema succeeded; otherwise throws 503 with the reason.
 * Also says whether the models are loaded yet, without making that a condition.
 */
export async function checkHealth(): Promise<HealthResponse> {
  let location = "not opened";
  try {
    const database = await withTimeout(getDatabase(), PROBE_TIMEOUT_MS);
    location = database.driver.location;
    await withTimeout(database.driver.query(`SELECT count(*) FROM "_prisma_migrations"`), PROBE_TIMEOUT_MS);
  } catch (error) {
    throw new ServiceUnavailableError(describeDatabaseError(error, location));
  }
  return { status: "ok", db: "ok", models: modelsReadiness(), version };
}
