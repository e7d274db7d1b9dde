// The synthetic corpus: seeded apps on several platforms whose events carry their ground truth (root cause, path),
// for training and evaluating the models, seeding the demo, and the tests and benchmarks. Pure, and without the
// "server-only" guard, because the e2e specs regenerate the demo corpus outside Next.js.
export { generateCorpus, type Corpus, type CorpusOptions } from "./corpus";
export { EVALUATION_MIX, TRAINING_MIX, fingerprintSignature, samplePairs, type PairOptions } from "./pairs";
export { readTimeoutPair } from "./read-timeout";
export type { App, AppFunction } from "./codebase";
export type { RootCause } from "./root-causes";
export * from "./types";
export { DEMO_CORPUS_OPTIONS, demoCorpus } from "./demo";
