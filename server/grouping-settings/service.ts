import "server-only";
import {
  AI_THRESHOLD_OVERRIDE_MAX,
  type GroupingSettings,
  type GroupingSettingsRequest,
  type GroupingSettingsResponse,
} from "@/lib/contracts/grouping-settings";
import { PROJECT_RULES_LIMITS } from "@/engine/fingerprinting/project-rules";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import type { Transaction } from "../db/client";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModel } from "../grouping/models";
import { NotFoundError } from "../http/errors";
import { projectGroupingFlags } from "../ingest/flags";
import { invalidateProjectGroupingSettings } from "../ingest/project-settings";
import { readSettings } from "./stored";
import { assertRulesReadable } from "./validation";

function calibrated(model: GroupingModel) {
  return { model: model.version, threshold: model.threshold, platformThresholds: { ...model.platformThresholds } };
}

async function respond(client: Transaction, projectId: number): Promise<GroupingSettingsResponse> {
  const settings = await readSettings(client, projectId);
  const flags = await projectGroupingFlags(projectId, client);
  const models = groupingModels();
  const next = models.next();
  return {
    settings,
    projectModel: flags.model,
    calibratedThresholds: [models.stable(), ...(next ? [next] : [])].map(calibrated),
    limits: { ...PROJECT_RULES_LIMITS, maxThreshold: AI_THRESHOLD_OVERRIDE_MAX },
  };
}

/** A project's grouping settings, with the project's model, the calibrated thresholds and the limits. */
export async function getGroupingSettings(projectId: number): Promise<GroupingSettingsResponse> {
  return respond(await db(), projectId);
}

/**
 * What a request stores: the override is for the project's model now (an override kept from before, for another
 * model, stays with that model when the value is not changed).
 */
export function requestedSettings(
  request: GroupingSettingsRequest,
  before: GroupingSettings,
  projectModel: string,
): GroupingSettings {
  const kept = before.aiThreshold?.threshold === request.aiThresholdOverride ? before.aiThreshold : null;
  return {
    fingerprintRules: request.fingerprintRules,
    stackTraceRules: request.stackTraceRules,
    aiThreshold:
      request.aiThresholdOverride === null
        ? null
        : (kept ?? { model: projectModel, threshold: request.aiThresholdOverride }),
  };
}

const same = (a: GroupingSettings, b: GroupingSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a project's grouping settings, audited with before and after; ingest groups the project's next event by them.
 * Rules that cannot be read are refused (ValidationError naming line and column) and nothing is stored.
 */
export async function updateGroupingSettings(
  actor: SessionUser,
  projectId: number,
  request: GroupingSettingsRequest,
): Promise<GroupingSettingsResponse> {
  assertRulesReadable(request);
  const response = await inTransaction(async (tx) => {
    const [project] = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM projects WHERE id = ${projectId} FOR UPDATE`;
    if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
    const before = await readSettings(tx, projectId);
    const flags = await projectGroupingFlags(projectId, tx);
    const after = requestedSettings(request, before, flags.model);
    if (!same(before, after)) {
      await tx.project.update({
        where: { id: projectId },
        data: {
          fingerprintRules: after.fingerprintRules,
          stackTraceRules: after.stackTraceRules,
          aiThresholdOverride: after.aiThreshold?.threshold ?? null,
          aiThresholdModel: after.aiThreshold?.model ?? null,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "project.grouping_settings",
        target: { type: "project", id: projectId, label: project.name },
        before,
        after,
      });
    }
    return respond(tx, projectId);
  });
  await invalidateProjectGroupingSettings(projectId);
  return response;
}
