import { generateCorpus, type Corpus, type CorpusOptions } from "./corpus";

/** The corpus `npm run demo` sends through the ingest pipeline (server/demo/seed.ts); its ground truth labels it. */
export const DEMO_CORPUS_OPTIONS = {
  seed: "regroup-demo",
  apps: 8,
  eventsPerRootCause: [10, 24],
} satisfies CorpusOptions;

/** The demo corpus, the same every time for the same options. */
export function demoCorpus(options: Partial<Pick<CorpusOptions, "seed" | "apps" | "eventsPerRootCause">> = {}): Corpus {
  return generateCorpus({
    seed: options.seed ?? DEMO_CORPUS_OPTIONS.seed,
    apps: options.apps ?? DEMO_CORPUS_OPTIONS.apps,
    eventsPerRootCause: options.eventsPerRootCause ?? DEMO_CORPUS_OPTIONS.eventsPerRootCause,
  });
}
