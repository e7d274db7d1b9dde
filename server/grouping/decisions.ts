import "server-only";
import type { Transaction } from "../db/client";
import { bulkInsert } from "../db/bulk-insert";
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

/** The grouping_decisions row of a decision, by column name. */
export function decisionData(input: DecisionInput) {
  return {
    project_id: input.call.projectId,
    hash: input.call.hash,
    event_id: input.eventId ?? null,
    model_requested: input.call.model,
    model_used: input.modelUsed.version,
    fallback: input.fallback,
    parent_hash: input.best?.parentHash ?? null,
    distance: input.best?.distance ?? null,
    threshold: input.threshold,
    should_group: input.best?.shouldGroup ?? false,
    inserted: input.inserted,
    read_only: input.call.readOnly,
    training_mode: input.call.trainingMode,
    latency_ms: input.latencyMs,
    shadow_model: input.shadow?.model ?? null,
    shadow_parent_hash: input.shadow?.best?.parentHash ?? null,
    shadow_distance: input.shadow?.best?.distance ?? null,
    shadow_should_group: input.shadow ? (input.shadow.best?.shouldGroup ?? false) : null,
  };
}

/** grouping_decisions' columns that a decision fills, with their SQL types. */
export const DECISION_COLUMNS = {
  project_id: "int",
  hash: "text",
  event_id: "int",
  model_requested: "text",
  model_used: "text",
  fallback: "boolean",
  parent_hash: "text",
  distance: "double precision",
  threshold: "double precision",
  should_group: "boolean",
  inserted: "boolean",
  read_only: "boolean",
  training_mode: "boolean",
  latency_ms: "double precision",
  shadow_model: "text",
  shadow_parent_hash: "text",
  shadow_distance: "double precision",
  shadow_should_group: "boolean",
};

/** Records one grouping call in grouping_decisions, in the transaction that wrote its effects. */
export async function recordDecision(tx: Transaction, input: DecisionInput): Promise<number> {
  const [id] = await recordDecisions(tx, [input]);
  return id!;
}

/** Records several grouping calls with one insert (bulk-insert.ts); returns their ids in the order given. */
export async function recordDecisions(tx: Transaction, inputs: DecisionInput[]): Promise<number[]> {
  const rows = await bulkInsert<{ id: number }>(tx, "grouping_decisions", DECISION_COLUMNS, inputs.map(decisionData), {
    returning: "id",
  });
  // The rows are inserted in the order given; ids are ascending with them.
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
