import "server-only";
import { ALIGNMENT_JUDGE_VERSION, judgePair } from "@/engine/labeling/alignment-judge";
import type { Labeler } from "./labeler";

export const BUILTIN_LABELER_NAME = "builtin-alignment";

/** The offline labeler (no model, no network): engine/labeling/alignment-judge's rules over the aligned traces. */
export const builtinLabeler: Labeler = {
  name: BUILTIN_LABELER_NAME,
  version: ALIGNMENT_JUDGE_VERSION,
  label(task) {
    return Promise.resolve({ ...judgePair(task), tokens: 0 });
  },
};
