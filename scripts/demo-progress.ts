import cliProgress from "cli-progress";
import type { Database } from "../server/db/client";
import { seedDemoData } from "../server/demo/seed";

/** Loads the demo dataset on a fresh database, with a progress bar on the terminal. */
export async function loadDemoData(database: Database): Promise<void> {
  const bar = new cliProgress.SingleBar(
    {
      format: "regroup: loading demo events through the ingest pipeline [{bar}] {value}/{total} {eta_formatted}",
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const summary = await seedDemoData(database, {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  if (started) bar.stop();
  if (summary) {
    console.log(`regroup: loaded the demo dataset: ${summary.events} events in ${summary.projects} projects`);
    if (summary.labels)
      console.log(
        `regroup: labeled the random merge sample: ${summary.labels.simulatedExpert} pairs from the corpus's ground truth ` +
          `(a simulated expert), ${summary.labels.builtin} by the built-in labeler`,
      );
  }
}
