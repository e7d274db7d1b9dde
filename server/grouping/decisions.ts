import "server-only";
import type { SimilarIssue, SimilarIssuesRequest } from "@/lib/contracts/grouping";
import type { Transaction } from "../db/client";
import type { GroupingModel } from "./models";

export interface DecisionInput {
  request: SimilarIssuesRequest;
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
    projectId: input.request.project_id,
    hash: input.request.hash,
    eventId: input.eventId ?? null,
    modelRequested: input.request.model,
    modelUsed: input.modelUsed.version,
    fallback: input.fallback,
    parentHash: input.best?.parent_hash ?? null,
    distance: input.best?.stacktrace_distance ?? null,
    threshold: input.threshold,
    shouldGroup: input.best?.should_group ?? false,
    inserted: input.inserted,
    readOnly: input.request.read_only,
    trainingMode: input.request.training_mode,
    latencyMs: input.latencyMs,
    shadowModel: input.shadow?.model ?? null,
    shadowParentHash: input.shadow?.best?.parent_hash ?? null,
    shadowDistance: input.shadow?.best?.stacktrace_distance ?? null,
    shadowShouldGroup: input.shadow ? (input.shadow.best?.should_group ?? false) : null,
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
