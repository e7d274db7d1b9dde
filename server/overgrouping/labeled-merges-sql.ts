import "server-only";
import { Prisma } from "../db/client";
import { pairVerdictsSql, type LabelSource } from "../labeling/label-source";

/**
 * The labeled merges of the random merge sample, one row per pair: review_pairs of source merge_sample with a
 * sampling probability (never a pair queued because it was hard), the majority of its GROUP/SEPARATE labels of the
 * given source (the experts', or one automated labeler's) (UNSURE
 * left out; a tie has no verdict and is left out), the model that made the merge (its decision's model_used) and
 * the day the merged event arrived. Columns: pair_id, project_id, platform, model, day, probability, verdict,
 * group_votes, separate_votes, unsure_votes, distance, event_a_id, event_b_id.
 */
export const labeledMergesSql = (source: LabelSource) => Prisma.sql`
  SELECT rp.id AS pair_id, rp.project_id, rp.platform,
         coalesce(d.model_used, rp.model, 'unknown') AS model,
         date_trunc('day', coalesce(de.received_at, greatest(ea.received_at, eb.received_at)) AT TIME ZONE 'UTC') AS day,
         rp.merge_sample_probability AS probability,
         v.verdict,
         v.group_votes, v.separate_votes, v.unsure_votes,
         d.distance, rp.event_a_id, rp.event_b_id
    FROM review_pairs rp
    JOIN (${pairVerdictsSql(source)}) v ON v.pair_id = rp.id
    JOIN events ea ON ea.id = rp.event_a_id
    JOIN events eb ON eb.id = rp.event_b_id
    LEFT JOIN grouping_decisions d ON d.id = rp.decision_id
    LEFT JOIN events de ON de.id = d.event_id
   WHERE rp.source = 'merge_sample' AND rp.merge_sample_probability IS NOT NULL`;
