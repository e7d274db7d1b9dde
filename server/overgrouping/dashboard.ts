import "server-only";
import { EXPERTS } from "@/lib/contracts/overgrouping";
import type {
  BreakdownRow,
  DashboardQuery,
  DashboardResponse,
  MergeStats,
  ModelStats,
  OvergroupingStats,
} from "@/lib/contracts/overgrouping";
import { MIN_SAMPLE } from "@/engine/metrics/proportion";
import {
  addTallies,
  aiPreventedIssues,
  emptyTally,
  mergeRate,
  overgroupingRate,
  weightedOvergroupingRate,
  type OvergroupingTally,
} from "@/engine/metrics/rates";
import { db } from "../db";
import { env } from "../env";
import { resolveLabelSource } from "../labeling/label-source";
import {
  decisionFacts,
  ineligibleFacts,
  knownFacts,
  sampleFacts,
  type DecisionFact,
  type KnownFact,
  type SampleFact,
} from "./facts";

interface MergeCounts {
  reachedAi: number;
  merges: number;
  fallbackMerges: number;
  newIssues: number;
}

const noMerges: MergeCounts = { reachedAi: 0, merges: 0, fallbackMerges: 0, newIssues: 0 };

function addMerges(a: MergeCounts, b: MergeCounts): MergeCounts {
  return {
    reachedAi: a.reachedAi + b.reachedAi,
    merges: a.merges + b.merges,
    fallbackMerges: a.fallbackMerges + b.fallbackMerges,
    newIssues: a.newIssues + b.newIssues,
  };
}

function mergeStats(counts: MergeCounts): MergeStats {
  return {
    ...counts,
    rate: mergeRate(counts.merges, counts.reachedAi),
    aiPrevented: aiPreventedIssues(counts.merges, counts.newIssues),
  };
}

function overgroupingStats(tally: OvergroupingTally, knownWrong: number): OvergroupingStats {
  return {
    labeled: tally.labeled,
    incorrect: tally.incorrect,
    plain: overgroupingRate(tally),
    weighted: weightedOvergroupingRate(tally),
    knownWrong,
  };
}

function tallyOf(fact: SampleFact): OvergroupingTally {
  const { labeled, incorrect, weight, positiveWeight, weightSquared } = fact;
  return { labeled, incorrect, weight, positiveWeight, weightSquared };
}

interface Facts {
  decisions: DecisionFact[];
  samples: SampleFact[];
  known: KnownFact[];
}

interface Cell {
  merges: MergeCounts;
  tally: OvergroupingTally;
  known: number;
}

/** Sums decision, sample and known-overgrouping facts by a key into per-key model stats. */
function rollUp<K extends string>(
  facts: Facts,
  keyOf: (fact: DecisionFact | SampleFact | KnownFact) => K,
): Map<K, Cell> {
  const cells = new Map<K, Cell>();
  const update = (key: K, change: (current: Cell) => Partial<Cell>) => {
    const current = cells.get(key) ?? { merges: noMerges, tally: emptyTally, known: 0 };
    cells.set(key, { ...current, ...change(current) });
  };
  for (const fact of facts.decisions) update(keyOf(fact), (current) => ({ merges: addMerges(current.merges, fact) }));
  for (const fact of facts.samples) {
    update(keyOf(fact), (current) => ({ tally: addTallies(current.tally, tallyOf(fact)) }));
  }
  for (const fact of facts.known) update(keyOf(fact), (current) => ({ known: current.known + fact.known }));
  return cells;
}

const SEP = "\u0000";

function toModelStats(model: string, cell: Cell): ModelStats {
  return { model, merge: mergeStats(cell.merges), overgrouping: overgroupingStats(cell.tally, cell.known) };
}

/**
 * Everything the Overgrouping page shows: AI-prevented issues, merge rate (by the model the project asked for) and
 * overgrouping rate (by the model that made the merge, from the labeled random merge sample only, labeled by the
 * experts unless the query names an automated labeler whose kappa passes) with the known
 * overgroupings (AI merges people unmerged) beside it, per model, per
 * day, per platform and per project, each with its Wilson interval and sample size.
 */
export async function getOvergroupingDashboard(
  query: DashboardQuery = { labels: EXPERTS },
): Promise<DashboardResponse> {
  const labels = await resolveLabelSource(query.labels);
  const [decisions, samples, known, ineligible] = await Promise.all([
    decisionFacts(),
    sampleFacts(labels.source),
    knownFacts(),
    ineligibleFacts(),
  ]);
  const facts = { decisions, samples, known };
  const prisma = await db();
  const projects = new Map(
    (await prisma.project.findMany({ select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  const models = [...new Set([...decisions, ...samples, ...known].map((fact) => fact.model))].sort();

  const perModel = rollUp(facts, (fact) => fact.model);
  const daily = rollUp(facts, (fact) => `${fact.day}${SEP}${fact.model}`);
  const byPlatform = rollUp(facts, (fact) => `${fact.platform}${SEP}${fact.model}`);
  const byProject = rollUp(facts, (fact) => `${fact.projectId}${SEP}${fact.platform}${SEP}${fact.model}`);

  const totals = decisions.reduce(addMerges, noMerges);
  const notSentToAi = ineligible.reduce((sum, fact) => sum + fact.newIssues, 0);

  return {
    labels: { source: query.labels, kappa: labels.agreement?.kappa ?? null, n: labels.agreement?.n ?? 0 },
    labelSources: labels.all.map(({ labeler, kappa, n, passes }) => ({ labeler, kappa, n, passes })),
    minKappa: env().LABELER_MIN_KAPPA,
    minSample: MIN_SAMPLE,
    models,
    overall: {
      aiPrevented: aiPreventedIssues(totals.merges, totals.newIssues + notSentToAi),
      merges: totals.merges,
      newIssues: totals.newIssues + notSentToAi,
      newIssuesNotSentToAi: notSentToAi,
    },
    perModel: models.map((model) => toModelStats(model, perModel.get(model)!)),
    daily: [...daily.entries()]
      .map(([key, cell]) => {
        const [day, model] = key.split(SEP) as [string, string];
        return { day, ...toModelStats(model, cell) };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model)),
    byPlatform: [...byPlatform.entries()]
      .map(([key, cell]): BreakdownRow => {
        const [platform, model] = key.split(SEP) as [string, string];
        return { platform, projectId: null, projectName: null, ...toModelStats(model, cell) };
      })
      .sort((a, b) => a.platform.localeCompare(b.platform) || a.model.localeCompare(b.model)),
    byProject: [...byProject.entries()]
      .map(([key, cell]): BreakdownRow => {
        const [project, platform, model] = key.split(SEP) as [string, string, string];
        const projectId = Number(project);
        return {
          platform,
          projectId,
          projectName: projects.get(projectId) ?? `#${projectId}`,
          ...toModelStats(model, cell),
        };
      })
      .sort((a, b) => a.projectId! - b.projectId! || a.model.localeCompare(b.model)),
  };
}
