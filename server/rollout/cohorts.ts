import "server-only";
import { sha256Fraction } from "@/engine/math/sha256-fraction";
import type { Cohort } from "@/lib/contracts/rollout";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { coverageByProject } from "./metrics";

/**
 * A project's place in [0, 1) for percentage cohorts: a hash of the salt and the project id, so that 10% today is
 * inside 20% tomorrow (same salt) and no project moves in and out between runs.
 */
export function stickyBucket(projectId: number, salt = ""): number {
  // 32 bits, as the buckets have always been drawn: more would move projects that sit at a cohort's edge.
  return sha256Fraction(`${salt}:${projectId}`, 4);
}

/** The projects a cohort selects, by id. */
export async function resolveCohort(
  cohort: Cohort,
  models: GroupingModels = groupingModels(),
): Promise<{ id: number; name: string }[]> {
  const prisma = await db();
  const projects = await prisma.project.findMany({
    orderBy: { id: "asc" },
    select: { id: true, name: true, platform: true, _count: { select: { events: true } } },
  });
  if (cohort.kind === "percentage") {
    return projects
      .filter((p) => stickyBucket(p.id, cohort.salt) < cohort.percent / 100)
      .map(({ id, name }) => ({ id, name }));
  }
  const coverage = cohort.minCoveragePercent !== undefined ? await coverageByProject(prisma, models.next()) : null;
  return projects
    .filter((p) => !cohort.platform || p.platform.toLowerCase() === cohort.platform.toLowerCase())
    .filter((p) => cohort.minEvents === undefined || p._count.events >= cohort.minEvents)
    .filter((p) => cohort.maxEvents === undefined || p._count.events <= cohort.maxEvents)
    .filter((p) => {
      if (!coverage || cohort.minCoveragePercent === undefined) return true;
      const row = coverage.get(p.id);
      const share = row?.eligible ? row.covered / row.eligible : 0;
      return share * 100 >= cohort.minCoveragePercent;
    })
    .map(({ id, name }) => ({ id, name }));
}
