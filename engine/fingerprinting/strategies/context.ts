import type { Enhancements } from "../enhancements/apply";

/** Per-call grouping state (Sentry's GroupingContext for config newstyle:2023-01-11). */
export interface GroupingContext {
  enhancements: Enhancements;
  variant: "app" | "system" | "default";
}

/** Platforms whose source lines are trusted enough to group by. */
export const CONTEXT_LINE_PLATFORMS = new Set(["javascript", "node", "python", "php", "ruby"]);
