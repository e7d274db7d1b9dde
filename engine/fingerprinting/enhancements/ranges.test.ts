import { describe, expect, it } from "vitest";
import { applyRangeActions, splitRangeActions, type FlagAction } from "./ranges";

interface State {
  contributes: boolean;
  hint: string | null;
  appDiffers: boolean;
}

// The effects assembleStacktraceComponent gives each flag action (apply.ts), on a small state.
function effect(state: State, a: FlagAction, n: number): void {
  if (a.key === "group") {
    if (a.flag !== state.contributes) {
      state.contributes = a.flag;
      state.hint = `${a.flag ? "un-ignored" : "ignored"} ${n}`;
    }
  } else if (a.key === "app") {
    if (state.appDiffers || a.flag === state.contributes) state.hint = `app ${a.flag} ${n}`;
  } else {
    state.hint = `${a.key} ${n}`;
  }
}

// Sentry's way: match by match, each action over its whole range.
function matchByMatch(matched: number[], states: State[], actions: FlagAction[]): void {
  for (const idx of matched) {
    actions.forEach((a, n) => {
      const from = a.range === "up" ? idx + 1 : a.range === "down" ? 0 : idx;
      const to = a.range === "up" ? states.length : a.range === "down" ? idx : idx + 1;
      for (let j = from; j < to; j++) effect(states[j] as State, a, n);
    });
  }
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a / 0x7fffffff;
  };
}

describe("applyRangeActions", () => {
  it("leaves every frame as applying the actions match by match does", () => {
    const next = random(5);
    const keys: FlagAction["key"][] = ["group", "app", "prefix", "sentinel"];
    const ranges: FlagAction["range"][] = ["up", "down", null];
    for (let round = 0; round < 3_000; round++) {
      const length = Math.floor(next() * 9);
      const matched = [...Array(length).keys()].filter(() => next() < 0.4);
      const actions: FlagAction[] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
        kind: "flag",
        key: keys[Math.floor(next() * keys.length)] as FlagAction["key"],
        flag: next() < 0.5,
        range: ranges[Math.floor(next() * ranges.length)] as FlagAction["range"],
      }));
      const initial = Array.from({ length }, () => ({
        contributes: next() < 0.5,
        hint: null,
        appDiffers: next() < 0.3,
      }));
      const expected = initial.map((s) => ({ ...s }));
      matchByMatch(matched, expected, actions);
      const got = initial.map((s) => ({ ...s }));
      applyRangeActions(matched, length, splitRangeActions(actions), (a, j) =>
        effect(got[j] as State, a, actions.indexOf(a)),
      );
      expect(got, JSON.stringify({ matched, actions, initial })).toEqual(expected);
    }
  });

  it("applies each action at most twice per frame however many frames match", () => {
    let calls = 0;
    const matched = [...Array(20_000).keys()];
    const actions = splitRangeActions([{ kind: "flag", key: "group", flag: false, range: "down" }]);
    applyRangeActions(matched, 20_000, actions, () => calls++);
    expect(calls).toBeLessThanOrEqual(40_000);
  });
});
