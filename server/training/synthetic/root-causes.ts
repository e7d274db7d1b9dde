import type { App, AppFunction } from "./codebase";
import { PLATFORM_SPECS, type Failure } from "./platforms";
import { fillStable } from "./platforms/spec";
import type { Rng } from "@/engine/math/random";

/**
 * A root cause is what one fix addresses: the failure (exception, message pattern, library path) and the
 * in-app chain of calls that leads to it, nearest to the crash. How the chain is reached (the outer path
 * from an entry point) does not change the root cause; a different feature calling the same helper does.
 */
export interface RootCause {
  id: string;
  familyId: string;
  failure: Failure;
  messages: string[];
  tailIndex: number;
  /** In-app frames nearest the crash, oldest first: the feature's own calls, then the shared sink. */
  chain: AppFunction[];
  crashCode: string;
  /** The chained inner exception's message, when the failure has one. */
  causeMessage?: string;
  /** Outer call paths (oldest first, entry point first), shared by the family. */
  outerPaths: AppFunction[][];
  entryIndex: number;
}

function distinctFrom(rng: Rng, pool: AppFunction[], avoid: AppFunction[]): AppFunction {
  const candidates = pool.filter((f) => !avoid.includes(f));
  return rng.pick(candidates.length ? candidates : pool);
}

function outerPath(rng: Rng, app: App): AppFunction[] {
  const path = [rng.pick(app.functions.entry)];
  // Real outer paths are often deep (middleware, task wrappers, service layers), which is what lets a
  // lexical model be fooled by a long shared prefix.
  for (let i = rng.pick([0, 1, 2, 2, 3, 3, 4, 5, 6, 8]); i > 0; i--)
    path.push(rng.pick(app.functions.service.concat(app.functions.entry)));
  return path;
}

/**
 * A family: root causes sharing the failure, the sink helper(s), the outer paths and the framework entry,
 * that differ in one or two in-app frames in between, or in the function that crashes. These are the hard
 * negatives (the two ReadTimeoutError traces of the fingerprinting issue are such a pair).
 */
export function generateFamily(rng: Rng, app: App, familyId: string): RootCause[] {
  const spec = PLATFORM_SPECS[app.platform];
  const failure = rng.pick(spec.failures);
  const io = failure.tails.some((tail) => tail.length > 0);
  const { client, util, service, data } = app.functions;
  const sink: AppFunction[] = io
    ? rng.chance(0.6)
      ? [rng.pick(client)]
      : [rng.pick(data.concat(client)), rng.pick(client.concat(util))]
    : [rng.pick(service.concat(util, data))];
  const middleLength = rng.pick([0, 1, 1, 2, 2, 2, 3]);
  const baseMiddle = Array.from({ length: middleLength }, () => rng.pick(service));
  const outerPaths = Array.from({ length: rng.pick([1, 1, 2, 2, 3]) }, () => outerPath(rng, app));
  const entryIndex = rng.int(0, spec.entries.length - 1);
  const size = rng.pick([1, 2, 2, 2, 3, 3]);
  const causes: RootCause[] = [];
  for (let k = 0; k < size; k++) {
    let middle = baseMiddle.slice();
    let chainSink = sink.slice();
    if (k > 0) {
      if (middle.length > 0 && (io || rng.chance(0.6))) {
        const changes = middle.length === 1 ? 1 : rng.int(1, Math.min(2, middle.length));
        for (const at of rng.sample(
          middle.map((_, i) => i),
          changes,
        ))
          middle[at] = distinctFrom(rng, service, baseMiddle);
      } else if (!io) {
        chainSink = [distinctFrom(rng, service.concat(util, data), sink)];
      } else {
        middle = [distinctFrom(rng, service, baseMiddle)];
      }
    }
    const chain = middle.concat(chainSink);
    if (causes.some((other) => other.chain.map((f) => f.name).join() === chain.map((f) => f.name).join())) continue;
    // Siblings usually share the message too (same host, same key): only the call path tells them apart.
    const messageKey = k === 0 || rng.chance(0.7) ? familyId : `${familyId}:${k}`;
    const messages = failure.messages.map((m) => fillStable(m, rng.fork(`msg:${messageKey}:${m}`)));
    causes.push({
      id: `${familyId}.${k}`,
      familyId,
      failure,
      messages,
      tailIndex: rng.int(0, failure.tails.length - 1),
      chain,
      crashCode: fillStable(rng.pick(failure.code), rng),
      ...(failure.cause
        ? { causeMessage: fillStable(failure.cause.messages[0] ?? "", rng.fork(`msg:${messageKey}:cause`)) }
        : {}),
      outerPaths,
      entryIndex,
    });
  }
  return causes;
}
