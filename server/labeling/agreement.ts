import "server-only";
import type { AutomatedAgreement } from "@/lib/contracts/review";
import { cohensKappa, strictMajority } from "@/engine/metrics/kappa";
import { db } from "../db";
import { env } from "../env";

type Verdict = AutomatedAgreement["confusion"][number]["labeler"];

const VERDICTS: readonly Verdict[] = ["GROUP", "SEPARATE", "UNSURE"];

/** Shared pairs two labelers need before their kappa is shown (two experts), or counts (an automated labeler). */
export const MIN_SHARED_PAIRS = 20;

/**
 * Each automated labeler against the experts: on every pair it labeled where the experts' labels (people and
 * simulated experts) have a strict majority, Cohen's kappa and the confusion matrix of its verdict against that
 * majority. `passes` when κ ≥ LABELER_MIN_KAPPA on at least MIN_SHARED_PAIRS pairs.
 */
export async function automatedAgreement(minKappa = env().LABELER_MIN_KAPPA): Promise<AutomatedAgreement[]> {
  const prisma = await db();
  const labels = await prisma.label.findMany({
    select: { pairId: true, labelerName: true, labelerKind: true, labelerVersion: true, verdict: true },
  });
  const expertVerdicts = new Map<number, Verdict[]>();
  const automated = new Map<string, { versions: Set<string>; verdicts: Map<number, Verdict> }>();
  for (const label of labels) {
    if (label.labelerKind === "automated") {
      const entry = automated.get(label.labelerName) ?? { versions: new Set(), verdicts: new Map() };
      if (label.labelerVersion) entry.versions.add(label.labelerVersion);
      entry.verdicts.set(label.pairId, label.verdict);
      automated.set(label.labelerName, entry);
    } else {
      expertVerdicts.set(label.pairId, [...(expertVerdicts.get(label.pairId) ?? []), label.verdict]);
    }
  }
  const majority = new Map<number, Verdict>();
  for (const [pairId, verdicts] of expertVerdicts) {
    const verdict = strictMajority(verdicts);
    if (verdict !== null) majority.set(pairId, verdict);
  }
  return [...automated.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([labeler, entry]) => {
      const compared: [Verdict, Verdict][] = [];
      for (const [pairId, verdict] of entry.verdicts) {
        const experts = majority.get(pairId);
        if (experts !== undefined) compared.push([verdict, experts]);
      }
      const kappa = cohensKappa(compared);
      const confusion = VERDICTS.flatMap((mine) =>
        VERDICTS.map((experts) => ({
          labeler: mine,
          experts,
          count: compared.filter(([a, b]) => a === mine && b === experts).length,
        })),
      );
      return {
        labeler,
        versions: [...entry.versions].sort(),
        labeled: entry.verdicts.size,
        n: kappa.n,
        observed: kappa.observed,
        expected: kappa.expected,
        kappa: kappa.kappa,
        confusion,
        passes: kappa.kappa !== null && kappa.kappa >= minKappa && kappa.n >= MIN_SHARED_PAIRS,
      };
    });
}
