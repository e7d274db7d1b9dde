import "server-only";
import path from "node:path";
import type { PrismaClient, Transaction } from "../db/client";
import { db } from "../db";
import { env } from "../env";
import { modelRegistry } from "../inference";
import type { ModelStatus } from "../inference/registry";

/**
 * The console's side of the model registry: the model_versions table holds each status an admin set and each model
 * registered from an artifact; every process applies it to its registry (at start, after its own changes, and every
 * SYNC_INTERVAL_MS for the changes another replica made).
 */
export const SYNC_INTERVAL_MS = 10_000;

/** Where registered models' artifacts are kept: DATA_DIR/models/<version>. */
export function registeredModelsDir(): string {
  return path.join(env().dataDir, "models");
}

/** A row's artifact folder: stored relative to DATA_DIR, so that a moved DATA_DIR keeps its models. */
export function artifactFolder(relative: string): string {
  return path.resolve(env().dataDir, relative);
}

let applied = "";

/** Reads model_versions and serves what it says from now on (in this process). */
export async function syncModelVersions(client?: PrismaClient | Transaction): Promise<void> {
  const prisma = client ?? (await db());
  const rows = await prisma.modelVersion.findMany({ orderBy: { version: "asc" } });
  const signature = JSON.stringify(rows.map((row) => [row.version, row.status, row.artifactDir]));
  if (signature === applied) return;
  applied = signature;
  modelRegistry.useVersions({
    registeredDirs: rows.flatMap((row) => (row.artifactDir ? [artifactFolder(row.artifactDir)] : [])),
    statuses: new Map(rows.map((row) => [row.version, row.status as ModelStatus])),
  });
}

/** Forgets what was applied (tests that open another database). */
export function resetModelVersions(): void {
  applied = "";
  modelRegistry.useVersions({ registeredDirs: [], statuses: new Map() });
}

/** Applies model_versions now and every `intervalMs`, until stopped. */
export function startModelVersionSync(intervalMs = SYNC_INTERVAL_MS): { ready: Promise<void>; stop(): void } {
  const sync = () =>
    syncModelVersions().catch((error: unknown) =>
      console.warn(`regroup: could not read the model versions: ${(error as Error).message}`),
    );
  const timer = setInterval(() => void sync(), intervalMs);
  timer.unref();
  return { ready: sync(), stop: () => clearInterval(timer) };
}
