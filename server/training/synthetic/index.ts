export { generateCorpus, type Corpus, type CorpusOptions } from "./corpus";
export { EVALUATION_MIX, TRAINING_MIX, fingerprintSignature, samplePairs, type PairOptions } from "./pairs";
export { readTimeoutPair } from "./read-timeout";
export { Rng } from "@/engine/math/random";
export type { App, AppFunction } from "./codebase";
export type { RootCause } from "./root-causes";
export * from "./types";
export { DEMO_CORPUS_OPTIONS, demoCorpus } from "./demo";
