/**
 * `npm run demo:label`: labels the demo's random merge sample from the synthetic corpus's ground truth, so that the
 * Overgrouping page and the Threshold explorer have labeled merges to show. It draws the merge sample first (a
 * no-op for strata already sampled), fills the pairs' missing v1/v2 distances, then labels each sample pair GROUP
 * when both events share a root cause and SEPARATE otherwise, as the labeler "corpus-ground-truth". Needs the
 * database to itself: stop the server first when it uses the embedded one.
 */
import { parseEnv } from "../server/env";
import { setDatabase } from "../server/db";
import { demoCorpus } from "../server/demo/seed";
import { GROUND_TRUTH_LABELER, labelMergeSampleFromGroundTruth } from "../server/overgrouping/demo-labels";
import { fillPairDistances } from "../server/review/distances";
import { sampleMerges } from "../server/review/sources/merge-sample";
import { openMigratedDatabase } from "../server/startup";
import { exitOnStartupFailure } from "./runtime/exit-on-startup-failure";

const LABELER = GROUND_TRUTH_LABELER;

try {
  const { database } = await openMigratedDatabase(parseEnv(), "npm run demo:label");
  setDatabase(database);
  try {
    if ((await database.prisma.event.count()) === 0) {
      process.stderr.write("demo:label: the database has no events; load the demo first (npm run demo).\n");
      process.exitCode = 1;
    } else {
      const sample = await sampleMerges();
      const strata = sample.strata.map(
        (s) => `project ${s.projectId}/${s.model}: ${s.sampled} of ${s.merges} (p=${s.probability.toFixed(3)})`,
      );
      console.log(
        `Merge sample: ${sample.created} pair(s) added, ${sample.converted} converted; ${strata.join("; ") || "no AI merges"}`,
      );
      console.log("Computing missing v1/v2 distances of the review pairs…");
      const filled = await fillPairDistances();
      console.log(`Distances computed for ${filled} pair(s).`);
      const truth = new Map(demoCorpus().events.map((item) => [item.event.event_id, item.rootCauseId]));
      const result = await labelMergeSampleFromGroundTruth(truth, LABELER);
      console.log(
        `Labeled ${result.labeled} merge-sample pair(s) as ${LABELER}: ${result.group} GROUP (right merge), ` +
          `${result.separate} SEPARATE (wrong merge)` +
          (result.unknown ? `; ${result.unknown} pair(s) not from the demo corpus left unlabeled.` : "."),
      );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  exitOnStartupFailure("demo:label", error);
}
