import "server-only";
import type { IssueSummary } from "@/lib/contracts/issues";

/** What an issue's creating event says about it: its method, why it skipped the AI step, the AI's decision. */
export interface CreationFacts {
  first_method: string | null;
  ineligible_reason: string | null;
  decision_model: string | null;
  decision_threshold: number | null;
  /** The issue this one was split off by an unmerge, if it was (its events were created elsewhere). */
  split_from_id?: number | null;
}

/** How the issue came to exist: split off another by an unmerge, else from the event that created it and its AI decision. */
export function describeCreation(row: CreationFacts): IssueSummary["creation"] {
  if (row.split_from_id) {
    return { kind: "split", detail: `Split off issue ${row.split_from_id}: a person unmerged its hashes from it.` };
  }
  if (row.decision_model) {
    return {
      kind: "ai_no_match",
      detail: `New after the AI step: ${row.decision_model} found no issue within distance ${row.decision_threshold}.`,
    };
  }
  if (row.ineligible_reason)
    return { kind: "fingerprint", detail: `New fingerprint; not sent to the AI step: ${row.ineligible_reason}.` };
  return row.first_method
    ? { kind: "fingerprint", detail: "New fingerprint." }
    : { kind: "unknown", detail: "No events." };
}
