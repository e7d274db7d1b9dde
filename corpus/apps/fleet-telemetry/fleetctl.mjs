// fleetctl: operator CLI. `node fleetctl.mjs replay KIND FILE` replays a stored payload through the pipeline;
// `--script steps.json` runs several.
import fs from "node:fs";
import * as Sentry from "@sentry/node";
import { processPayload } from "./src/pipeline.mjs";

const TEXT_KINDS = new Set(["ping", "trip-log", "fuel", "can"]);

async function replay(kind, file) {
  const text = fs.readFileSync(file, "utf8");
  return processPayload(kind, TEXT_KINDS.has(kind) ? text : JSON.parse(text));
}

async function main([command, ...args]) {
  if (command === "replay") return replay(...args);
  throw new Error(`unknown command ${command}`);
}

if (process.argv[2] === "--script") {
  for (const step of JSON.parse(fs.readFileSync(process.argv[3], "utf8"))) {
    await Sentry.withScope(async (scope) => {
      scope.setTag("corpus_case", step.trace);
      try {
        await main(step.argv);
      } catch (error) {
        Sentry.captureException(error);
      }
    });
  }
} else {
  await main(process.argv.slice(2));
}
await Sentry.flush(10_000);
