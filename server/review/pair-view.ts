import "server-only";
import { alignEvents } from "@/engine/alignment";
import type { ModelDecision, PairLabel, ReviewPair } from "@/lib/contracts/review";
import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { NotFoundError } from "../http/errors";
import { markDecisionsShown } from "./claims";
import { PAIR_MODELS, fillPairDistances, pairModelThresholds } from "./distances";
import { guidelineFor } from "./guidelines";

type LabelRow = {
  labelerName: string;
  labelerId: number | null;
  labelerKind: PairLabel["labelerKind"];
  verdict: PairLabel["verdict"];
  reason: string | null;
  note: string | null;
  blind: boolean;
  updatedAt: Date;
};

export function toPairLabel(row: LabelRow): PairLabel {
  return {
    labeler: row.labelerName,
    labelerId: row.labelerId,
    labelerKind: row.labelerKind,
    verdict: row.verdict,
    reason: row.reason,
    note: row.note,
    blind: row.blind,
    at: row.updatedAt.toISOString(),
  };
}

/** Each model's decision for the pair: the distance between the two events, its threshold, margin and verdict. */
export function decisionsOf(pair: { v1Distance: number | null; v2Distance: number | null }): ModelDecision[] {
  const thresholds = pairModelThresholds();
  return PAIR_MODELS.flatMap((model) => {
    const threshold = thresholds[model];
    if (threshold === null) return [];
    const distance = model === "v1" ? pair.v1Distance : pair.v2Distance;
    return [
      {
        model,
        distance,
        threshold,
        margin: distance === null ? null : threshold - distance,
        wouldMerge: distance === null ? null : distance <= threshold,
      },
    ];
  });
}

export function exceptionsOf(event: SentryEvent | null): { type: string | null; value: string | null }[] {
  const values = event?.exception && "values" in event.exception ? (event.exception.values ?? []) : [];
  return values.filter((v) => v !== null).map((v) => ({ type: v.type ?? null, value: v.value ?? null }));
}

const eventSelect = {
  id: true,
  eventId: true,
  groupId: true,
  title: true,
  groupingMethod: true,
  receivedAt: true,
  payload: true,
} as const;

/**
 * One pair as the review screen shows it: both events' frames aligned, the v1/v2 decisions and the other labels.
 * Blind mode leaves the decisions and the other labels out until this labeler has labeled the pair.
 */
export async function getPairView(
  user: SessionUser,
  pairId: number,
  options: { blind?: boolean } = {},
): Promise<ReviewPair> {
  const prisma = await db();
  const query = {
    where: { id: pairId },
    include: {
      project: { select: { name: true } },
      eventA: { select: eventSelect },
      eventB: { select: eventSelect },
      labels: { orderBy: { updatedAt: "asc" } },
    },
  } as const;
  let pair = await prisma.reviewPair.findUnique(query);
  if (!pair) throw new NotFoundError(`Review pair ${pairId} does not exist.`);
  if (pair.v1Distance === null || pair.v2Distance === null) {
    await fillPairDistances([pair.id]);
    pair = (await prisma.reviewPair.findUnique(query))!;
  }
  const a = parseEvent(pair.eventA.payload);
  const b = parseEvent(pair.eventB.payload);
  const left = a.ok ? a.event : null;
  const right = b.ok ? b.event : null;
  const alignment = left && right ? alignEvents(left, right) : { rows: [], firstDivergingIndex: null };
  const mine = pair.labels.find((label) => label.labelerId === user.id) ?? null;
  const hidden = options.blind === true && mine === null;
  if (!hidden && pair.claimedBy === user.id && pair.claimedBlind) await markDecisionsShown(user.id, pair.id);
  const side = (event: typeof pair.eventA, parsed: SentryEvent | null) => ({
    id: event.id,
    eventId: event.eventId,
    issueId: event.groupId,
    title: event.title,
    groupingMethod: event.groupingMethod,
    receivedAt: event.receivedAt.toISOString(),
    exceptions: exceptionsOf(parsed),
  });
  const guideline = await guidelineFor(pair.platform);
  return {
    id: pair.id,
    projectId: pair.projectId,
    projectName: pair.project.name,
    platform: pair.platform,
    source: pair.source,
    model: pair.model,
    samplingWeight: pair.samplingWeight,
    mergeSampleProbability: pair.mergeSampleProbability,
    left: side(pair.eventA, left),
    right: side(pair.eventB, right),
    rows: alignment.rows,
    firstDivergingIndex: alignment.firstDivergingIndex,
    decisions: hidden ? null : decisionsOf(pair),
    labels: hidden ? [] : pair.labels.filter((label) => label !== mine).map(toPairLabel),
    myLabel: mine ? toPairLabel(mine) : null,
    claimedUntil: pair.claimedBy === user.id && pair.claimedUntil ? pair.claimedUntil.toISOString() : null,
    guideline: { platform: guideline.platform, body: guideline.body, updatedBy: guideline.updatedBy },
  };
}
