import type { AlignmentRow } from "@/engine/alignment";

/**
 * An automated labeler: given a review pair as the review screen shows it (the two events' exceptions, their frames
 * aligned, the platform's guidelines), it answers GROUP / SEPARATE / UNSURE with a reason. Its labels are stored under
 * its name and version and are never counted as an expert's (docs/design.md, "Automated labels").
 */
export type AutomatedVerdict = "GROUP" | "SEPARATE" | "UNSURE";

export interface LabelingSide {
  title: string;
  /** The event's exception chain as sent (type and message of each). */
  exceptions: { type: string | null; value: string | null }[];
}

export interface LabelingTask {
  pairId: number;
  platform: string;
  /** The platform's labeling guidelines, as admins wrote them (or the default). */
  guideline: string;
  left: LabelingSide;
  right: LabelingSide;
  /** The two main stack traces aligned frame by frame, oldest frame first (engine/alignment). */
  rows: AlignmentRow[];
  firstDivergingIndex: number | null;
}

export interface LabelerAnswer {
  verdict: AutomatedVerdict;
  reason: string;
  /** Tokens the answer cost (prompt + completion); 0 for a labeler that calls no model. */
  tokens: number;
}

export interface Labeler {
  /** Stored as the label's labeler name, e.g. "builtin-alignment" or "llm:gpt-4o-mini". */
  readonly name: string;
  /** Stored with each label: a change of prompt, model or rules is a new version. */
  readonly version: string;
  label(task: LabelingTask, signal: AbortSignal): Promise<LabelerAnswer>;
  /** What one answer is expected to cost in tokens, before asking (a run's budget reserves it); absent: free. */
  estimateTokens?(task: LabelingTask): number;
}

/** The labeler answered, but not in the form it must: no label is stored for the pair. */
export class MalformedAnswerError extends Error {
  override readonly name = "MalformedAnswerError";
}

/** A failure worth another try later (rate limit, timeout, a 5xx): the run retries it with backoff. */
export class RetryableLabelerError extends Error {
  override readonly name = "RetryableLabelerError";
  constructor(
    message: string,
    /** The server's Retry-After, when it sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}
