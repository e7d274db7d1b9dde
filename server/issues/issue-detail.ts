import "server-only";
import type { IssueDetailResponse, WhyGrouped } from "@/lib/contracts/issues";
import { describeBoundNotes } from "@/engine/event/bound-notes";
import { parseEvent } from "@/engine/event/schema";
import { fingerprintEvent, type FingerprintOptions } from "@/engine/fingerprinting";
import { db } from "../db";
import { fingerprintOptionsOf, settingsOf } from "../grouping-settings/stored";
import { describeCreation } from "./creation";
import { missingIssueError } from "./merge/issue-lookup";

type EventRow = {
  id: number;
  eventId: string;
  receivedAt: Date;
  groupingMethod: "fingerprint" | "ai" | "new";
  title: string;
  payload: unknown;
  hashes: string[];
  embeddingText: string | null;
  aiIneligibleReason: string | null;
  decisions: {
    modelRequested: string;
    modelUsed: string;
    fallback: boolean;
    parentHash: string | null;
    distance: number | null;
    threshold: number;
    shouldGroup: boolean;
    shadowModel: string | null;
    shadowParentHash: string | null;
    shadowDistance: number | null;
    shadowShouldGroup: boolean | null;
  }[];
};

/**
 * Why this event is in this issue: the fingerprint tree that matched (under the project's rules of now), or the AI
 * decision, or why neither applied.
 */
function whyGrouped(event: EventRow, groupHashes: Set<string>, rules: FingerprintOptions): WhyGrouped {
  const parsed = parseEvent(event.payload);
  const variants = parsed.ok
    ? Object.entries(fingerprintEvent(parsed.event, rules).variants).map(([name, variant]) => ({
        name,
        hash: variant.hash,
        type: variant.type,
        component: variant.component,
        ...(variant.values ? { values: variant.values } : {}),
      }))
    : [];
  const decision = event.decisions[0];
  return {
    method: event.groupingMethod,
    matchedHash:
      event.groupingMethod === "fingerprint" ? (event.hashes.find((hash) => groupHashes.has(hash)) ?? null) : null,
    variants,
    decision: decision
      ? {
          modelRequested: decision.modelRequested,
          modelUsed: decision.modelUsed,
          fallback: decision.fallback,
          parentHash: decision.parentHash,
          distance: decision.distance,
          threshold: decision.threshold,
          shouldGroup: decision.shouldGroup,
          shadow: decision.shadowModel
            ? {
                model: decision.shadowModel,
                parentHash: decision.shadowParentHash,
                distance: decision.shadowDistance,
                shouldGroup: decision.shadowShouldGroup ?? false,
              }
            : null,
        }
      : null,
    ineligibleReason: event.aiIneligibleReason,
    embeddingText: event.embeddingText,
  };
}

/** An issue with its hashes (and their AI-grouping audit) and its latest events, each with why it is here. */
export async function getIssueDetail(issueId: number): Promise<IssueDetailResponse> {
  const prisma = await db();
  const group = await prisma.group.findUnique({
    where: { id: issueId },
    include: { project: true, hashes: { orderBy: { id: "asc" } } },
  });
  if (!group) throw await missingIssueError(prisma, issueId);
  const [events, counts, first] = await Promise.all([
    prisma.event.findMany({
      where: { groupId: issueId },
      orderBy: { receivedAt: "desc" },
      take: 50,
      include: { decisions: { orderBy: { id: "asc" }, take: 1 } },
    }),
    prisma.event.groupBy({ by: ["groupingMethod"], where: { groupId: issueId }, _count: true }),
    prisma.event.findFirst({
      where: { groupId: issueId },
      orderBy: { id: "asc" },
      include: { decisions: { take: 1 } },
    }),
  ]);
  const count = (method: string) => counts.find((c) => c.groupingMethod === method)?._count ?? 0;
  const groupHashes = new Set(group.hashes.map((h) => h.hash));
  const rules = fingerprintOptionsOf(settingsOf(group.project));
  return {
    issue: {
      id: group.id,
      projectId: group.projectId,
      projectName: group.project.name,
      title: group.title,
      culprit: group.culprit,
      eventCount: counts.reduce((sum, c) => sum + c._count, 0),
      aiMergedEvents: count("ai"),
      firstSeen: group.firstSeen.toISOString(),
      lastSeen: group.lastSeen.toISOString(),
      creation: describeCreation({
        first_method: first?.groupingMethod ?? null,
        ineligible_reason: first?.aiIneligibleReason ?? null,
        decision_model: first?.decisions[0]?.modelUsed ?? null,
        decision_threshold: first?.decisions[0]?.threshold ?? null,
        split_from_id: group.splitFromId,
      }),
    },
    hashes: group.hashes.map((h) => ({
      hash: h.hash,
      modelRequested: h.seerModelRequested,
      modelUsed: h.seerModelUsed,
      matchedHash: h.seerMatchedHash,
      matchDistance: h.seerMatchDistance,
      latestTrainingModel: h.latestTrainingModel,
      sentAt: h.seerDateSent?.toISOString() ?? null,
    })),
    events: events.map((event) => ({
      id: event.id,
      eventId: event.eventId,
      receivedAt: event.receivedAt.toISOString(),
      groupingMethod: event.groupingMethod,
      title: event.title,
      release: ((event.payload as { release?: unknown }).release as string | undefined) ?? null,
      trimmed: describeBoundNotes((event.payload as { errors?: unknown }).errors),
      whyGrouped: whyGrouped(event as unknown as EventRow, groupHashes, rules),
    })),
  };
}
