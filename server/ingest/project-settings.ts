import "server-only";
import type { GroupingSettings } from "@/lib/contracts/grouping-settings";
import { fingerprintRulesProblem, stackTraceRulesProblem } from "@/engine/fingerprinting/project-rules";
import { db } from "../db";
import type { PrismaClient } from "../db/client";
import { DEFAULT_SETTINGS, SETTINGS_FIELDS, settingsOf } from "../grouping-settings/stored";
import { logger } from "../logger";
import { cacheOf } from "./ingest-cache";

function settingsCache(client: PrismaClient) {
  return cacheOf<number, GroupingSettings>(client, "grouping-settings");
}

/**
 * The settings as ingest applies them. They were checked when saved; a text that no longer reads (a later version
 * of the rules' syntax) is left out and logged, so that it cannot stop the project's events from being grouped.
 */
function usable(projectId: number, settings: GroupingSettings): GroupingSettings {
  const fingerprintProblem = fingerprintRulesProblem(settings.fingerprintRules);
  const stackTraceProblem = stackTraceRulesProblem(settings.stackTraceRules);
  if (fingerprintProblem || stackTraceProblem) {
    logger.error("a project's stored grouping rules cannot be read; ingest leaves them out", {
      projectId,
      fingerprintProblem,
      stackTraceProblem,
    });
  }
  return {
    ...settings,
    fingerprintRules: fingerprintProblem ? "" : settings.fingerprintRules,
    stackTraceRules: stackTraceProblem ? "" : settings.stackTraceRules,
  };
}

/** A project's grouping settings for ingest, from the ingest cache (see ingest-cache.ts), which a save invalidates. */
export async function projectGroupingSettings(projectId: number): Promise<GroupingSettings> {
  const prisma = await db();
  return settingsCache(prisma).get(projectId, async () => {
    const row = await prisma.project.findUnique({ where: { id: projectId }, select: SETTINGS_FIELDS });
    return row ? usable(projectId, settingsOf(row)) : DEFAULT_SETTINGS;
  });
}

/** Forgets the cached settings of a project (call it where they change). */
export async function invalidateProjectGroupingSettings(projectId: number): Promise<void> {
  settingsCache(await db()).invalidate(projectId);
}
