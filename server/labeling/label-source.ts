import "server-only";
import type { AutomatedAgreement } from "@/lib/contracts/review";
import { EXPERTS } from "@/lib/contracts/overgrouping";
import { Prisma } from "../db/client";
import { env } from "../env";
import { ValidationError } from "../http/errors";
import { MIN_SHARED_PAIRS, automatedAgreement } from "./agreement";

/**
 * Whose labels a rate or a curve is computed from: the experts' (people, and a corpus's ground truth as a simulated
 * expert), or one automated labeler's. Automated labels never count as an expert's.
 */
export type LabelSource = { kind: "experts" } | { kind: "labeler"; name: string };

export const EXPERT_LABELS: LabelSource = { kind: "experts" };

/** The condition on a `labels` row (under `alias`) that keeps the labels of this source. */
export function labelSourceCondition(source: LabelSource, alias = "labels"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return source.kind === "experts"
    ? Prisma.sql`${table}.labeler_kind <> 'automated'`
    : Prisma.sql`${table}.labeler_kind = 'automated' AND ${table}.labeler_name = ${source.name}`;
}

/**
 * Per pair this source labeled with a majority of its GROUP / SEPARATE votes (UNSURE left out; a tie has no verdict and
 * the pair is left out): columns pair_id, verdict ('GROUP' or 'SEPARATE'), group_votes, separate_votes, unsure_votes.
 */
export function pairVerdictsSql(source: LabelSource): Prisma.Sql {
  return Prisma.sql`
    SELECT pair_id, CASE WHEN group_votes > separate_votes THEN 'GROUP' ELSE 'SEPARATE' END AS verdict,
           group_votes, separate_votes, unsure_votes
      FROM (SELECT pair_id,
                   (count(*) FILTER (WHERE verdict = 'GROUP'))::int AS group_votes,
                   (count(*) FILTER (WHERE verdict = 'SEPARATE'))::int AS separate_votes,
                   (count(*) FILTER (WHERE verdict = 'UNSURE'))::int AS unsure_votes
              FROM labels
             WHERE ${labelSourceCondition(source)}
             GROUP BY pair_id) votes
     WHERE group_votes <> separate_votes`;
}

/**
 * The label source a request names: "experts", or an automated labeler whose kappa against the experts passes
 * LABELER_MIN_KAPPA (its agreement given); anything else is refused with the reason.
 */
export async function resolveLabelSource(
  name: string,
): Promise<{ source: LabelSource; agreement: AutomatedAgreement | null; all: AutomatedAgreement[] }> {
  const all = await automatedAgreement();
  if (name === EXPERTS) return { source: EXPERT_LABELS, agreement: null, all };
  const agreement = all.find((entry) => entry.labeler === name);
  if (!agreement) {
    throw new ValidationError(
      `No automated labeler named "${name}" has labeled pairs; use "${EXPERTS}" or one of: ${all.map((a) => a.labeler).join(", ") || "none"}.`,
    );
  }
  if (!agreement.passes) {
    const kappa = agreement.kappa === null ? "undefined" : agreement.kappa.toFixed(3);
    throw new ValidationError(
      `The labeler "${name}" does not stand in for the experts: its kappa against them is ${kappa} on ${agreement.n} pair(s) ` +
        `(needed: at least ${env().LABELER_MIN_KAPPA} on ${MIN_SHARED_PAIRS} pairs).`,
    );
  }
  return { source: { kind: "labeler", name }, agreement, all };
}
