import type { GlobToken } from "./glob-tokens";

// A glob matcher whose time is linear in the value: the pattern's tokens are the states of an
// automaton, and every character of the value moves the whole set of states at once (no
// backtracking). Time is the value's length times the pattern's, whatever the pattern.

type CharTest = (ch: string) => boolean;

function charTest(token: Exclude<GlobToken, { kind: "star" }>, doubleStar: boolean, ignoreCase: boolean): CharTest {
  switch (token.kind) {
    case "literal": {
      const { char } = token;
      if (!ignoreCase) return (ch) => ch === char;
      const upper = char.toUpperCase();
      return (ch) => ch === char || ch.toUpperCase() === upper;
    }
    case "any":
      return doubleStar ? (ch) => ch !== "/" : () => true;
    case "class": {
      const re = new RegExp(`^${token.source}$`, ignoreCase ? "is" : "s");
      return (ch) => re.test(ch);
    }
  }
}

/** A matcher of the whole value against the tokens (as `^…$` would be). */
export function linearGlobMatcher(
  tokens: readonly GlobToken[],
  { doubleStar, ignoreCase }: { doubleStar: boolean; ignoreCase: boolean },
): (value: string) => boolean {
  const size = tokens.length;
  const isStar = tokens.map((token) => token.kind === "star");
  const crossesSlash = tokens.map((token) => token.kind === "star" && token.crossesSlash);
  const tests = tokens.map((token) => (token.kind === "star" ? null : charTest(token, doubleStar, ignoreCase)));

  // Enters state i and, since a star may match nothing, every state after a run of stars.
  const enter = (states: Uint8Array, from: number): void => {
    for (let i = from; i <= size; i++) {
      if (states[i]) return;
      states[i] = 1;
      if (!isStar[i]) return;
    }
  };

  return (value) => {
    let current = new Uint8Array(size + 1);
    let next = new Uint8Array(size + 1);
    enter(current, 0);
    for (let at = 0; at < value.length; at++) {
      const ch = value[at] as string;
      next.fill(0);
      let alive = false;
      for (let i = 0; i < size; i++) {
        if (!current[i]) continue;
        if (isStar[i]) {
          if (crossesSlash[i] || ch !== "/") {
            enter(next, i);
            alive = true;
          }
        } else if ((tests[i] as CharTest)(ch)) {
          enter(next, i + 1);
          alive = true;
        }
      }
      if (!alive) return false;
      [current, next] = [next, current];
    }
    return current[size] === 1;
  };
}
