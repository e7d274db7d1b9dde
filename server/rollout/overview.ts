import "server-only";
import type { RolloutOverview, RolloutProject, RolloutProjectDetail } from "@/lib/contracts/rollout";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";
import { servedModels, type GroupingModel, type GroupingModels } from "../grouping/models";
import { NotFoundError } from "../http/errors";
import { BACKFILL_KIND, toJobView } from "./jobs";
import {
  coverageByProject,
  fallbackByDay,
  fallbackByProject,
  overgroupingSampleByProject,
  trainingCallsByProject,
} from "./metrics";
import { guardrailFlags, migrationState, overgroupingEstimate } from "./migration";
import { getGuardrailSettings } from "./settings";

/** Every project with its flags, migration state and metrics, overgrouping estimate and guardrail flags. */
export async function rolloutOverview(
  models: GroupingModels = groupingModels(),
  onlyProjectId?: number,
): Promise<RolloutOverview> {
  const prisma = await db();
  const next = models.next();
  // A project's migration is tracked for the model it is on when that is a next model, else for the oldest next one.
  const nextModels = servedModels(models).filter((model) => model.status === "next");
  const perModel = async <T>(metric: (model: GroupingModel | undefined) => Promise<T>) => {
    const entries = await Promise.all(nextModels.map(async (model) => [model.version, await metric(model)] as const));
    const byVersion = new Map<string | undefined, T>(entries);
    if (!byVersion.has(next?.version)) byVersion.set(next?.version, await metric(next));
    return (groupingModel: string) => byVersion.get(byVersion.has(groupingModel) ? groupingModel : next?.version)!;
  };
  const [projects, flags, coverageOf, training, fallbackOf, overgroupingOf, jobs, settings] = await Promise.all([
    prisma.project.findMany({
      where: onlyProjectId ? { id: onlyProjectId } : {},
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, platform: true, _count: { select: { events: true } } },
    }),
    prisma.featureFlag.findMany({ where: { key: { in: ["grouping_model", "skip_fallback"] } } }),
    perModel((model) => coverageByProject(prisma, model)),
    trainingCallsByProject(prisma),
    perModel((model) => fallbackByProject(prisma, model)),
    perModel((model) => overgroupingSampleByProject(prisma, model)),
    prisma.job.findMany({
      where: { kind: BACKFILL_KIND },
      orderBy: [{ projectId: "asc" }, { id: "desc" }],
      distinct: ["projectId"],
    }),
    getGuardrailSettings(prisma),
  ]);

  const rows = projects.map((project): RolloutProject => {
    const flag = (key: string) => flags.find((f) => f.projectId === project.id && f.key === key)?.value;
    const model = flag("grouping_model");
    const groupingModel = typeof model === "string" ? model : models.stable().version;
    const cover = coverageOf(groupingModel).get(project.id) ?? { groupHashes: 0, eligible: 0, covered: 0 };
    const job = jobs.find((j) => j.projectId === project.id) ?? null;
    const active = job && (job.status === "queued" || job.status === "running") ? job : null;
    const { state, detail } = migrationState({
      onNext: models.get(groupingModel)?.status === "next",
      coverage: cover,
      activeJob: active,
    });
    const lookups = fallbackOf(groupingModel).get(project.id);
    const migration = {
      state,
      detail,
      groupHashes: cover.groupHashes,
      eligibleHashes: cover.eligible,
      ineligibleHashes: cover.groupHashes - cover.eligible,
      coveredHashes: cover.covered,
      coverage: cover.eligible ? cover.covered / cover.eligible : null,
      trainingCalls: training.get(project.id) ?? 0,
      fallbackRate: lookups?.lookups ? lookups.fallbacks / lookups.lookups : null,
      fallbackLookups: lookups?.lookups ?? 0,
    };
    const estimate = overgroupingEstimate(overgroupingOf(groupingModel).get(project.id));
    return {
      id: project.id,
      name: project.name,
      slug: project.slug,
      platform: project.platform,
      eventCount: project._count.events,
      groupingModel,
      skipFallback: flag("skip_fallback") === true,
      migration,
      overgrouping: estimate,
      guardrails: guardrailFlags(migration, estimate, settings),
      backfill: job ? toJobView(job) : null,
    };
  });
  return {
    nextModel: next?.version ?? null,
    stableModel: models.stable().version,
    servedModels: servedModels(models).map((model) => model.version),
    projects: rows,
    guardrails: settings,
  };
}

/** One project's rollout row with its fallback rate per day (last 30 days). */
export async function rolloutProjectDetail(
  projectId: number,
  models: GroupingModels = groupingModels(),
): Promise<RolloutProjectDetail> {
  const overview = await rolloutOverview(models, projectId);
  const project = overview.projects[0];
  if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
  return {
    nextModel: overview.nextModel,
    stableModel: overview.stableModel,
    servedModels: overview.servedModels,
    project,
    fallbackByDay: await fallbackByDay(await db(), projectId, models.next()),
  };
}
