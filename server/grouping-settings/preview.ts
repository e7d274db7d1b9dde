import "server-only";
import type { GroupingPreviewResponse, GroupingSettingsRequest } from "@/lib/contracts/grouping-settings";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { projectGroupingFlags } from "../ingest/flags";
import { previewRules } from "./preview-rules";
import { previewThreshold } from "./preview-threshold";
import { requestedSettings } from "./service";
import { readSettings } from "./stored";
import { assertRulesReadable } from "./validation";

/**
 * What candidate settings would change on the project's recent events, against its saved ones: the rules' effect on
 * issues (preview-rules.ts) and the threshold's on AI decisions (preview-threshold.ts). Nothing is written.
 */
export async function previewGroupingSettings(
  projectId: number,
  request: GroupingSettingsRequest,
  models: GroupingModels = groupingModels(),
): Promise<GroupingPreviewResponse> {
  assertRulesReadable(request);
  const prisma = await db();
  // One transaction: one snapshot of the events and hashes, and the index search settings stay local to it.
  return prisma.$transaction(async (tx) => {
    const current = await readSettings(tx, projectId);
    const flags = await projectGroupingFlags(projectId, tx);
    const candidate = requestedSettings(request, current, flags.model);
    return {
      rules: await previewRules(tx, projectId, current, candidate),
      threshold: await previewThreshold(tx, projectId, current, candidate, models),
    };
  });
}
