import type { GroupingEvent } from "@/engine/event/normalize";
import type { GroupingComponent } from "../component";
import { component, iterValues, update } from "../component";
import type { GroupingContext } from "./context";
import { exceptionStrategy } from "./exception";
import {
  cspStrategy,
  expectCtStrategy,
  expectStapleStrategy,
  hpkpStrategy,
  messageStrategy,
  stacktraceStrategy,
  templateStrategy,
  threadsStrategy,
} from "./other";
import type { Variants } from "./stacktrace";
import { removeNonStacktraceVariants } from "./stacktrace";

interface Strategy {
  name: string;
  run: (ev: GroupingEvent, ctx: GroupingContext) => Variants | null;
  stacktraceBased: boolean;
}

// In Sentry's priority order (its strategy scores, highest first): the first strategy with a
// contributing component wins; a template outranks a security report, which outranks a message.
const STRATEGIES: Strategy[] = [
  { name: "exception", run: exceptionStrategy, stacktraceBased: true },
  { name: "threads", run: threadsStrategy, stacktraceBased: true },
  { name: "stacktrace", run: stacktraceStrategy, stacktraceBased: true },
  { name: "template", run: templateStrategy, stacktraceBased: false },
  { name: "csp", run: cspStrategy, stacktraceBased: false },
  { name: "hpkp", run: hpkpStrategy, stacktraceBased: false },
  { name: "expect-staple", run: expectStapleStrategy, stacktraceBased: false },
  { name: "expect-ct", run: expectCtStrategy, stacktraceBased: false },
  { name: "message", run: messageStrategy, stacktraceBased: false },
];

// The hash is md5 of the concatenated contributing values, so comparing the concatenations
// decides "same hash" without hashing twice (the variants are hashed once at the end).
function hashInput(c: GroupingComponent): string {
  return iterValues(c).join("");
}

// A non-mandatory variant (app) that hashes like the mandatory one (system) adds nothing.
function dropDuplicateVariants(raw: Variants): Variants {
  const out: Variants = new Map();
  const mandatoryByHash = new Map<string, string>();
  const others: GroupingComponent[] = [];
  for (const [key, c] of raw) {
    const mandatory = key.startsWith("!");
    const name = mandatory ? key.slice(1) : key;
    if (c.contributes) {
      if (mandatory) mandatoryByHash.set(hashInput(c), name);
      else others.push(c);
    }
    out.set(name, c);
  }
  for (const c of others) {
    const dup = mandatoryByHash.get(hashInput(c));
    if (dup !== undefined) update(c, { contributes: false, hint: `ignored because hash matches ${dup} variant` });
  }
  return out;
}

/** Runs every strategy and returns one root component per variant (app, system, default). */
export function componentTrees(ev: GroupingEvent, ctx: GroupingContext): Map<string, GroupingComponent> {
  const perVariant = new Map<string, GroupingComponent[]>();
  let winner: string | null = null;
  let precedenceHint: string | null = null;
  for (const strategy of STRATEGIES) {
    const raw = strategy.run(ev, { ...ctx, variant: "default" });
    if (!raw) continue;
    let variants = dropDuplicateVariants(raw);
    if (strategy.stacktraceBased) variants = removeNonStacktraceVariants(variants);
    const name = strategy.name;
    for (const [variant, c] of variants) {
      const list = perVariant.get(variant);
      if (list) list.push(c);
      else perVariant.set(variant, [c]);
      if (winner === null) {
        if (c.contributes) {
          winner = name;
          const contributing = [...variants]
            .filter(([, v]) => v.contributes)
            .map(([k]) => k)
            .sort()
            .join("/");
          // Sentry names the variants only when the winner is not the `default` one.
          const who = variant === "default" ? name : `${name} of ${contributing}`;
          precedenceHint = `${who} take${name.endsWith("s") ? "" : "s"} precedence`;
        }
      } else if (c.contributes && winner !== name) {
        update(c, { contributes: false, hint: precedenceHint });
      }
    }
  }
  const rv = new Map<string, GroupingComponent>();
  for (const [variant, list] of perVariant) {
    const root = component(variant, { values: list });
    if (!root.contributes && precedenceHint) update(root, { hint: precedenceHint });
    rv.set(variant, root);
  }
  return rv;
}
