import "server-only";
import type { ManualPairRequest } from "@/lib/contracts/review";
import { recordAudit } from "../../audit/record";
import type { SessionUser } from "../../auth/session";
import { inTransaction } from "../../db";
import type { Transaction } from "../../db/client";
import { NotFoundError, ValidationError } from "../../http/errors";
import { fillPairDistances } from "../distances";
import { insertPair } from "../pair-store";

async function latestEventOfIssue(tx: Transaction, issueId: number): Promise<number> {
  const event = await tx.event.findFirst({
    where: { groupId: issueId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!event) throw new NotFoundError(`Issue ${issueId} does not exist or has no events.`);
  return event.id;
}

async function checkEvent(tx: Transaction, eventId: number): Promise<number> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new NotFoundError(`Event ${eventId} does not exist.`);
  return event.id;
}

/**
 * Source (d): a pair added by hand ("Compare with…"): two events, or the latest events of two issues. An existing
 * pair (from any source) is returned as it is. Audited; the v1/v2 distances are computed right away.
 */
export async function createManualPair(
  actor: SessionUser,
  request: ManualPairRequest,
): Promise<{ pairId: number; created: boolean }> {
  const result = await inTransaction(async (tx) => {
    const eventIds = (
      "eventIds" in request
        ? await Promise.all(request.eventIds.map((id) => checkEvent(tx, id)))
        : await Promise.all(request.issueIds.map((id) => latestEventOfIssue(tx, id)))
    ) as [number, number];
    if (eventIds[0] === eventIds[1]) throw new ValidationError("Pick two different events (or issues) to compare.");
    const pair = await insertPair(tx, { eventIds, source: "manual", createdBy: actor.email });
    if (pair.created) {
      await recordAudit(tx, {
        actor,
        action: "review_pair.create",
        target: { type: "review_pair", id: pair.id, label: `events ${eventIds.join(" and ")}` },
        after: { source: "manual", request },
      });
    }
    return pair;
  });
  await fillPairDistances([result.id]);
  return { pairId: result.id, created: result.created };
}
