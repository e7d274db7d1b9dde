import "server-only";
import type { GroupingSettings } from "@/lib/contracts/grouping-settings";
import type { FingerprintOptions } from "@/engine/fingerprinting";
import { db } from "../db";
import type { PrismaClient } from "../db/client";
import { DEFAULT_SETTINGS, fingerprintOptionsOf, SETTINGS_FIELDS, settingsOf } from "../grouping-settings/stored";
import { logger } from "../logger";
import { cacheOf } from "./ingest-cache";

/** A project's grouping settings as ingest applies them: the rules as fingerprinting takes them, and the override. */
export interface IngestGroupingSettings {
  fingerprint: FingerprintOptions;
  aiThreshold: GroupingSettings["aiThreshold"];
}

function settingsCache(client: PrismaClient) {
  return cacheOf<number, IngestGroupingSettings>(client, "grouping-settings");
}

/** Checked once per load of the cache, not per event; a text that no longer reads is left out and logged. */
function forIngest(projectId: number, settings: GroupingSettings): IngestGroupingSettings {
  const { unreadable, ...fingerprint } = fingerprintOptionsOf(settings);
  if (unreadable) {
    logger.error("a project's stored grouping rules cannot be read; ingest leaves them out", { projectId, unreadable });
  }
  return { fingerprint, aiThreshold: settings.aiThreshold };
}

/** A project's grouping settings for ingest, from the ingest cache (see ingest-cache.ts), which a save invalidates. */
export async function projectGroupingSettings(projectId: number): Promise<IngestGroupingSettings> {
  const prisma = await db();
  return settingsCache(prisma).get(projectId, async () => {
    const row = await prisma.project.findUnique({ where: { id: projectId }, select: SETTINGS_FIELDS });
    return forIngest(projectId, row ? settingsOf(row) : DEFAULT_SETTINGS);
  });
}

/** Forgets the cached settings of a project (call it where they change). */
export async function invalidateProjectGroupingSettings(projectId: number): Promise<void> {
  settingsCache(await db()).invalidate(projectId);
}
