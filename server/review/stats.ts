import "server-only";
import type { Agreement, Conflicts, PairList, Progress, QueueFilter, QueueSummary } from "@/lib/contracts/review";
import { reviewSources } from "@/lib/contracts/review";
import { majorityAgreement, pairwiseKappas } from "@/engine/metrics/kappa";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { env } from "../env";
import { MIN_SHARED_PAIRS, automatedAgreement } from "../labeling/agreement";
import { conflictCondition } from "./claims";
import { pairFilterWhere, pairListInclude, toPairListItem } from "./pair-list";
import { toPairLabel } from "./pair-view";

const DAY_MS = 86_400_000;

/** A label of an expert (a person or a simulated expert): automated labels never make a pair "labeled". */
const EXPERT_LABEL = { labelerKind: { not: "automated" as const } };

/** Queue sizes per source (with the filters), what is left for this labeler, and the filter choices. */
export async function queueSummary(user: SessionUser, filter: QueueFilter): Promise<QueueSummary> {
  const prisma = await db();
  const where = pairFilterWhere(filter);
  const now = new Date();
  const counts = await Promise.all(
    reviewSources.map(async (source) => {
      const scoped = { ...where, source };
      if (filter.source && filter.source !== source) return { source, pairs: 0, unlabeled: 0, claimed: 0 };
      const [pairs, unlabeled, claimed] = await Promise.all([
        prisma.reviewPair.count({ where: scoped }),
        prisma.reviewPair.count({ where: { ...scoped, labels: { none: EXPERT_LABEL } } }),
        prisma.reviewPair.count({ where: { ...scoped, claimedUntil: { gt: now } } }),
      ]);
      return { source, pairs, unlabeled, claimed };
    }),
  );
  const remainingForMe = await prisma.reviewPair.count({
    where: { ...where, labels: { none: { labelerId: user.id } } },
  });
  const [{ conflicts }] = await prisma.$queryRaw<
    [{ conflicts: number }]
  >`SELECT count(*)::int AS conflicts FROM review_pairs p WHERE ${conflictCondition}`;
  const projects = await prisma.project.findMany({
    select: { id: true, name: true, platform: true },
    orderBy: { id: "asc" },
  });
  return {
    counts,
    remainingForMe,
    conflicts,
    projects,
    platforms: [...new Set(projects.map((p) => p.platform))].sort(),
  };
}

/** Labels per labeler: totals by verdict, the last 7 days, the latest. */
export async function labelerProgress(): Promise<Progress> {
  const prisma = await db();
  const since = new Date(Date.now() - 7 * DAY_MS);
  const rows = await prisma.label.groupBy({
    by: ["labelerName", "verdict"],
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const recent = await prisma.label.groupBy({
    by: ["labelerName"],
    where: { updatedAt: { gte: since } },
    _count: { _all: true },
  });
  const byLabeler = new Map<string, Progress["labelers"][number]>();
  for (const row of rows) {
    const entry = byLabeler.get(row.labelerName) ?? {
      labeler: row.labelerName,
      total: 0,
      group: 0,
      separate: 0,
      unsure: 0,
      last7Days: 0,
      lastAt: null,
    };
    entry.total += row._count._all;
    entry[row.verdict === "GROUP" ? "group" : row.verdict === "SEPARATE" ? "separate" : "unsure"] += row._count._all;
    const at = row._max.updatedAt?.toISOString() ?? null;
    if (at && (!entry.lastAt || at > entry.lastAt)) entry.lastAt = at;
    byLabeler.set(row.labelerName, entry);
  }
  for (const row of recent) {
    const entry = byLabeler.get(row.labelerName);
    if (entry) entry.last7Days = row._count._all;
  }
  const [totalPairs, labeledPairs] = await Promise.all([
    prisma.reviewPair.count(),
    prisma.reviewPair.count({ where: { labels: { some: EXPERT_LABEL } } }),
  ]);
  return {
    labelers: [...byLabeler.values()].sort((a, b) => b.total - a.total || a.labeler.localeCompare(b.labeler)),
    totalPairs,
    labeledPairs,
  };
}

/** Pairs whose labels disagree (GROUP and SEPARATE), newest label first. */
export async function listConflicts(): Promise<Conflicts> {
  const prisma = await db();
  const ids = await prisma.$queryRaw<
    { id: number }[]
  >`SELECT p.id FROM review_pairs p WHERE ${conflictCondition} ORDER BY p.id LIMIT 500`;
  const pairs = await prisma.reviewPair.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    include: {
      ...pairListInclude,
      labels: { orderBy: { updatedAt: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  return {
    pairs: pairs.map((pair) => ({ ...toPairListItem(pair), labels: pair.labels.map(toPairLabel) })),
  };
}

export { MIN_SHARED_PAIRS };

/**
 * Cohen's kappa per pair of experts (≥ MIN_SHARED_PAIRS shared pairs), each expert's agreement with the majority,
 * and each automated labeler against the experts' majority.
 */
export async function labelerAgreement(): Promise<Agreement> {
  const prisma = await db();
  const labels = await prisma.label.findMany({
    where: EXPERT_LABEL,
    select: { pairId: true, labelerName: true, verdict: true },
  });
  const items = new Map<number, Map<string, (typeof labels)[number]["verdict"]>>();
  for (const label of labels) {
    const item = items.get(label.pairId) ?? new Map();
    item.set(label.labelerName, label.verdict);
    items.set(label.pairId, item);
  }
  const all = pairwiseKappas([...items.values()], 1);
  const minKappa = env().LABELER_MIN_KAPPA;
  return {
    minShared: MIN_SHARED_PAIRS,
    minKappa,
    automated: await automatedAgreement(minKappa),
    kappas: all.filter((k) => k.n >= MIN_SHARED_PAIRS),
    tooFew: all.filter((k) => k.n < MIN_SHARED_PAIRS).map(({ a, b, n }) => ({ a, b, n })),
    majority: majorityAgreement([...items.values()]),
  };
}

/** The latest pairs with the filters (for browsing; viewers look here). */
export async function listPairs(filter: QueueFilter): Promise<PairList> {
  const prisma = await db();
  const pairs = await prisma.reviewPair.findMany({
    where: pairFilterWhere(filter),
    include: {
      ...pairListInclude,
      _count: { select: { labels: true } },
    },
    orderBy: { id: "desc" },
    take: 100,
  });
  return {
    pairs: pairs.map((pair) => ({ ...toPairListItem(pair), labels: pair._count.labels })),
  };
}
