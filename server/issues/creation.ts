import "server-only";
import type { IssueSummary } from "@/lib/contracts/issues";

/** What an issue's creating event says about it: its method, why it skipped the AI step, the AI's decision. */
export interface CreationFacts {
  first_method: string | null;
  ineligible_reason: string | null;
  decision_model: string | null;
  decision_threshold: number | null;
}

/** How the issue came to exist, from the event that created it and that event's AI decision. */
export function describeCreation(row: CreationFacts): IssueSummary["creation"] {
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
