import type { IssueHash } from "@/lib/contracts/issue-merge";

function distance(value: number | null): string {
  return value === null ? "an unknown distance" : `distance ${value.toFixed(4)}`;
}

/** How a hash came into the issue, in one line: new, fingerprint, or the AI merge (model, distance, matched hash). */
export function hashOriginText(hash: Pick<IssueHash, "origin" | "ai">): string {
  const { ai } = hash;
  if (ai) {
    const model =
      ai.modelRequested && ai.modelUsed && ai.modelRequested !== ai.modelUsed
        ? `${ai.modelUsed} (${ai.modelRequested} fell back)`
        : (ai.modelUsed ?? "the AI step");
    return `AI merge: ${model} matched hash ${ai.matchedHash.slice(0, 12)}… at ${distance(ai.distance)}`;
  }
  switch (hash.origin) {
    case "new":
      return "New: its first event started an issue";
    case "fingerprint":
      return "Fingerprint: came with an event another of its hashes grouped";
    case "ai_merge":
      return "AI merge: came with an event the AI step merged";
    case "unknown":
      return "No stored event carries it";
  }
}
