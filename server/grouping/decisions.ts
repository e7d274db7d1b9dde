import "server-only";
import type { Transaction } from "../db/client";
import type { SimilarIssue, SimilarIssuesCall } from "./call";
import type { GroupingModel } from "./models";

export interface DecisionInput {
  call: SimilarIssuesCall;
  modelUsed: GroupingModel;
  fallback: boolean;
  threshold: number;
  best: SimilarIssue | undefined;
  inserted: boolean;
  latencyMs: number;
  shadow?: { model: string; best: SimilarIssue | undefined };
  /** The stored event the decision was made for (ingest). */
  eventId?: number | null;
}

function decisionData(input: DecisionInput) {
  return {
    projectId: input.call.projectId,
    hash: input.call.hash,
    eventId: input.eventId ?? null,
    modelRequested: input.call.model,
    modelUsed: input.modelUsed.version,
    fallback: input.fallback,
    parentHash: input.best?.parentHash ?? null,
    distance: input.best?.distance ?? null,
    threshold: input.threshold,
    shouldGroup: input.best?.shouldGroup ?? false,
    inserted: input.inserted,
    readOnly: input.call.readOnly,
    trainingMode: input.call.trainingMode,
    latencyMs: input.latencyMs,
    shadowModel: input.shadow?.model ?? null,
    shadowParentHash: input.shadow?.best?.parentHash ?? null,
    shadowDistance: input.shadow?.best?.distance ?? null,
    shadowShouldGroup: input.shadow ? (input.shadow.best?.shouldGroup ?? false) : null,
  };
}

/** Records one grouping call in grouping_decisions, in the transaction that wrote its effects. */
export async function recordDecision(tx: Transaction, input: DecisionInput): Promise<number> {
  const decision = await tx.groupingDecision.create({ data: decisionData(input), select: { id: true } });
  return decision.id;
}

/** Records several grouping calls with one insert; returns their ids in the order given. */
export async function recordDecisions(tx: Transaction, inputs: DecisionInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = await tx.groupingDecision.createManyAndReturn({ data: inputs.map(decisionData), select: { id: true } });
  // One INSERT … VALUES … RETURNING returns its rows in the order of its VALUES; ids are ascending with them.
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
