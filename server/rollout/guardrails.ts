import "server-only";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { logger } from "../logger";
import { writeProjectFlags } from "./flags";
import { rolloutOverview } from "./overview";

/**
 * Auto-pause: with the setting on, each project on a next model that breaks a guardrail is moved back to the
 * stable model, audited as "flag.auto_pause" by "system" with the rule in the reason. Returns the paused ids.
 */
export async function enforceGuardrails(models: GroupingModels = groupingModels()): Promise<number[]> {
  const overview = await rolloutOverview(models);
  if (!overview.guardrails.autoPause || !overview.nextModel) return [];
  const stable = overview.stableModel;
  const prisma = await db();
  const paused: number[] = [];
  for (const project of overview.projects) {
    const breach = project.guardrails.find((flag) => flag.level === "breached");
    if (!breach || models.get(project.groupingModel)?.status !== "next") continue;
    const written = await prisma.$transaction((tx) =>
      writeProjectFlags(tx, {
        actor: "system",
        action: "flag.auto_pause",
        reason: `Guardrail ${breach.rule}: ${breach.message}`,
        targets: [{ projectId: project.id, after: (before) => ({ ...before, grouping_model: stable }) }],
      }),
    );
    if (written.length) {
      logger.warn("guardrail moved a project back to the stable model", { projectId: project.id, rule: breach.rule });
      paused.push(project.id);
    }
  }
  return paused;
}
