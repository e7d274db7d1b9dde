// Shapes of the synthetic corpus. Events are Sentry-shaped JSON (what SDKs send); the ground truth (root
// cause, project, app) travels beside each event, never inside the fields grouping reads.

export type SyntheticPlatform = "python" | "javascript" | "node" | "java" | "go" | "ruby" | "php" | "csharp";

export const SYNTHETIC_PLATFORMS: readonly SyntheticPlatform[] = [
  "python",
  "javascript",
  "node",
  "java",
  "go",
  "ruby",
  "php",
  "csharp",
];

export interface SyntheticFrame {
  filename: string;
  abs_path: string;
  module?: string;
  function: string;
  lineno: number;
  context_line?: string;
  in_app: boolean;
}

export interface SyntheticException {
  type: string;
  value: string;
  module?: string;
  mechanism?: { type: string; handled: boolean };
  stacktrace: { frames: SyntheticFrame[] };
}

/** A Sentry event payload: frames oldest first, crash frame last; chained exceptions innermost first. */
export interface SyntheticEventPayload {
  event_id: string;
  platform: SyntheticPlatform;
  level: "error" | "fatal";
  timestamp: number;
  release: string;
  environment: string;
  exception: { values: SyntheticException[] };
  tags: Record<string, string>;
  sdk: { name: string; version: string };
}

export interface SyntheticEvent {
  event: SyntheticEventPayload;
  /** Ground truth: events with the same root cause need the same fix. */
  rootCauseId: string;
  /** Root causes of one family share the exception, the crash path and the outer path (hard negatives). */
  familyId: string;
  project: string;
  app: string;
  platform: SyntheticPlatform;
}

export type PairLabel = "GROUP" | "SEPARATE";

/** Why a pair was drawn; evaluation reports slice on it. */
export type PairKind = "positive" | "hard-negative" | "same-type-negative" | "negative";

export interface LabeledPair {
  query: string;
  candidate: string;
  label: PairLabel;
  kind: PairKind;
  platform: SyntheticPlatform;
  project: string;
}
