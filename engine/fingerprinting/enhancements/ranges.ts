import type { Action } from "./rule";

export type FlagAction = Extract<Action, { kind: "flag" }>;

// A rule's flag actions reach the matched frame (no range), every frame after it (`v`, "up":
// towards the crash) or every frame before it (`^`, "down"). Sentry applies them match by match,
// each to its whole range: with many matches (20,000 `__cxa_throw` frames) that is quadratic.
//
// The same effects, in linear time: frame j sees, in Sentry's order, the "up" actions once per
// match before it, its own match's unranged actions, then the "down" actions once per match after
// it. An action's effect depends only on the frame's state, and a pass of the same actions from
// the state a pass left behind leaves the same state again, so two passes stand for any number.
const ENOUGH_PASSES = 2;

/** A rule's flag actions by the frames they reach. */
export interface RangeActions {
  up: readonly FlagAction[];
  own: readonly FlagAction[];
  down: readonly FlagAction[];
}

/** Splits flag actions by range (done once per rule: see `rangeActionsOf` in apply.ts). */
export function splitRangeActions(actions: readonly FlagAction[]): RangeActions {
  return {
    up: actions.filter((a) => a.range === "up"),
    own: actions.filter((a) => a.range === null),
    down: actions.filter((a) => a.range === "down"),
  };
}

/**
 * Calls `apply(action, j)` for every frame j that a rule's flag actions reach, in the order that
 * applying them match by match (ascending `matched`) would, but at most twice per action and frame.
 */
export function applyRangeActions(
  matched: readonly number[],
  length: number,
  { up, own, down }: RangeActions,
  apply: (action: FlagAction, j: number) => void,
): void {
  if (up.length === 0 && down.length === 0) {
    for (const j of matched) if (j < length) for (const a of own) apply(a, j);
    return;
  }
  let next = 0; // the first match at or after j
  for (let j = 0; j < length; j++) {
    while (next < matched.length && (matched[next] as number) < j) next++;
    const isMatch = matched[next] === j;
    const before = next;
    const after = matched.length - next - (isMatch ? 1 : 0);
    for (let pass = 0; pass < Math.min(before, ENOUGH_PASSES); pass++) for (const a of up) apply(a, j);
    if (isMatch) for (const a of own) apply(a, j);
    for (let pass = 0; pass < Math.min(after, ENOUGH_PASSES); pass++) for (const a of down) apply(a, j);
  }
}
