import { BoundedCache } from "@/engine/event/bounded-cache";
import type { GFrame, GroupingEvent, GStacktrace } from "@/engine/event/normalize";
import { allStacktraces } from "@/engine/event/normalize";
import { familyForPlatform } from "@/engine/event/platform";
import type { GroupingComponent } from "../component";
import { component, update } from "../component";
import { parseEnhancements } from "./parser";
import { DEFAULT_ENHANCEMENTS } from "./default-rules";
import type { EnhancementRule, ExceptionData, MatchFrame } from "./rule";
import { parseRuleBool, ruleMatches } from "./rule";
import { applyRangeActions, splitRangeActions, type FlagAction, type RangeActions } from "./ranges";

/** The built-in rules plus a project's own (appended, so they win). */
export interface Enhancements {
  rules: EnhancementRule[];
  modifiers: EnhancementRule[];
  updaters: EnhancementRule[];
}

let defaultRules: EnhancementRule[] | null = null;
const projectCache = new Map<string, Enhancements>();

export function loadEnhancements(projectRules?: string): Enhancements {
  const key = projectRules ?? "";
  let e = projectCache.get(key);
  if (!e) {
    defaultRules ??= parseEnhancements(DEFAULT_ENHANCEMENTS);
    const rules = [...defaultRules, ...(projectRules ? parseEnhancements(projectRules) : [])];
    e = { rules, modifiers: rules.filter((r) => r.isModifier), updaters: rules.filter((r) => r.isUpdater) };
    if (projectCache.size > 100) projectCache.clear();
    projectCache.set(key, e);
  }
  return e;
}

function matchFrame(f: GFrame, eventPlatform: string): MatchFrame {
  const platform = f.platform || eventPlatform;
  // normalizeEvent already trimmed `function` (keeping the original in raw_function).
  const fn = f.function;
  const path = f.abs_path || f.filename;
  return {
    category: f.category,
    family: familyForPlatform(platform),
    function: fn || "<unknown>",
    inApp: f.in_app,
    module: f.module,
    package: f.package ? f.package.toLowerCase().replaceAll("\\", "/") : null,
    path: path ? path.toLowerCase().replaceAll("\\", "/") : null,
  };
}

function familiesOf(mfs: readonly MatchFrame[]): Set<string> {
  const out = new Set<string>();
  for (const f of mfs) out.add(f.family);
  return out;
}

// Most rules are `family:native …`; skipping them whole for other stacks saves most of the work.
function canMatch(rule: EnhancementRule, families: Set<string>): boolean {
  if (rule.families === null) return true;
  for (const f of families) if (rule.families.has(f)) return true;
  return false;
}

// Per rule: its `app` flag actions (classification) and all its flag actions (contributions).
const appActions = new WeakMap<EnhancementRule, RangeActions>();
const allFlagActions = new WeakMap<EnhancementRule, RangeActions>();

function rangeActionsOf(rule: EnhancementRule, onlyApp: boolean): RangeActions {
  const cache = onlyApp ? appActions : allFlagActions;
  let actions = cache.get(rule);
  if (!actions) {
    const flags = rule.actions.filter((a): a is FlagAction => a.kind === "flag" && (!onlyApp || a.key === "app"));
    cache.set(rule, (actions = splitRangeActions(flags)));
  }
  return actions;
}

// Identical stacks recur constantly (every event of an issue), and rule matching is the expensive
// part of grouping, so match results are cached by what the matchers can see (as Sentry does).
// The key is every frame's matched fields: bounded per key and in all, since senders choose them.
const CACHE_LIMITS = { maxEntries: 5_000, maxChars: 16_000_000, maxKeyLength: 256_000 };
type UpdaterMatches = [EnhancementRule, number][];
interface Classification {
  inApp: (boolean | null)[];
  category: (string | null)[];
  /** The updater rule matches on the classified frames, filled by the first variant that needs them. */
  updaterMatches: UpdaterMatches | null;
}
const classificationCache = new BoundedCache<Classification>(CACHE_LIMITS);
const updaterCache = new BoundedCache<UpdaterMatches>(CACHE_LIMITS);
const ruleSetIds = new WeakMap<Enhancements, number>();
let nextRuleSetId = 0;

function ruleSetId(enh: Enhancements): number {
  let id = ruleSetIds.get(enh);
  if (id === undefined) ruleSetIds.set(enh, (id = nextRuleSetId++));
  return id;
}

function signature(enh: Enhancements, mfs: readonly MatchFrame[], exc: ExceptionData | null): string {
  let key = `${ruleSetId(enh)}\u0002${exc ? `${exc.type}\u0001${exc.value}\u0001${exc.mechanism}` : ""}`;
  for (const f of mfs) {
    key += `\u0002${f.family}\u0001${f.function}\u0001${f.module}\u0001${f.package}\u0001${f.path}\u0001${f.inApp}\u0001${f.category}`;
  }
  return key;
}

/** Drops cached rule matches (for benchmarks of the uncached path). */
export function clearEnhancementCache(): void {
  classificationCache.clear();
  updaterCache.clear();
}

// The updater pass of both variants sees the same classified frames; build their view once.
// Updater matches are kept on the classification entry: classification is a function of what
// its key covers, so that key also determines the classified frames and what updaters match.
const classified = new WeakMap<GStacktrace, { matchFrames: MatchFrame[]; entry: Classification }>();

function markClassified(st: GStacktrace, mfs: MatchFrame[], entry: Classification): void {
  const frames = st.frames;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i] as GFrame;
    const mf = mfs[i] as MatchFrame;
    mf.inApp = f.in_app;
    mf.category = f.category;
  }
  classified.set(st, { matchFrames: mfs, entry });
}

/**
 * Classifies frames: applies `+app`/`-app` and `category=` rules to every stacktrace of the event,
 * then defaults a missing in_app to false (Sentry's `normalize_stacktraces_for_grouping`).
 */
export function applyFrameClassification(ev: GroupingEvent, enh: Enhancements): void {
  for (const { stacktrace, exception } of allStacktraces(ev)) {
    const frames = stacktrace.frames;
    const exc: ExceptionData | null = exception
      ? { type: exception.type, value: exception.value, mechanism: exception.mechanismType }
      : null;
    const mfs = frames.map((f) => matchFrame(f, ev.platform));
    const key = signature(enh, mfs, exc);
    const cached = classificationCache.get(key);
    if (cached) {
      for (let i = 0; i < frames.length; i++) {
        const f = frames[i] as GFrame;
        f.in_app = cached.inApp[i] ?? false;
        f.category = cached.category[i] ?? null;
      }
      markClassified(stacktrace, mfs, cached);
      continue;
    }
    const families = familiesOf(mfs);
    for (const rule of enh.modifiers) {
      if (!canMatch(rule, families)) continue;
      // All matches of a rule are found before any of its actions apply, so a category set by
      // this rule does not change what its caller/callee matchers see.
      const matched: number[] = [];
      for (let idx = 0; idx < frames.length; idx++) if (ruleMatches(rule, mfs, idx, exc)) matched.push(idx);
      if (matched.length === 0) continue;
      for (const a of rule.actions) {
        if (a.kind !== "var" || a.name !== "category") continue;
        for (const idx of matched) {
          (frames[idx] as GFrame).category = a.value;
          (mfs[idx] as MatchFrame).category = a.value;
        }
      }
      applyRangeActions(matched, frames.length, rangeActionsOf(rule, true), (a, j) => {
        (frames[j] as GFrame).in_app = a.flag;
        (mfs[j] as MatchFrame).inApp = a.flag;
      });
    }
    for (const f of frames) if (f.in_app === null) f.in_app = false;
    const entry: Classification = {
      inApp: frames.map((f) => f.in_app),
      category: frames.map((f) => f.category),
      updaterMatches: null,
    };
    classificationCache.set(key, entry);
    markClassified(stacktrace, mfs, entry);
  }
}

function findUpdaterMatches(enh: Enhancements, mfs: readonly MatchFrame[], exc: ExceptionData | null): UpdaterMatches {
  const matches: UpdaterMatches = [];
  const families = familiesOf(mfs);
  for (const rule of enh.updaters) {
    if (!canMatch(rule, families)) continue;
    for (let idx = 0; idx < mfs.length; idx++) if (ruleMatches(rule, mfs, idx, exc)) matches.push([rule, idx]);
  }
  return matches;
}

/**
 * Builds the stacktrace component from frame components: applies `±group`, prefix/sentinel hints,
 * in-app hints and the `max-frames` / `min-frames` limits (Sentry's `assemble_stacktrace_component`).
 */
export function assembleStacktraceComponent(
  enh: Enhancements,
  components: GroupingComponent[],
  stacktrace: GStacktrace,
  platform: string,
  exc: ExceptionData | null,
): GroupingComponent {
  const frames = stacktrace.frames;
  const view = classified.get(stacktrace);
  const state = new Map<string, { value: string; rule: EnhancementRule }>();
  let matches: UpdaterMatches;
  if (view) {
    matches = view.entry.updaterMatches ??= findUpdaterMatches(enh, view.matchFrames, exc);
  } else {
    // A stack that did not go through applyFrameClassification (direct callers).
    const mfs = frames.map((f) => matchFrame(f, platform));
    const key = signature(enh, mfs, exc);
    const cached = updaterCache.get(key);
    if (cached) matches = cached;
    else updaterCache.set(key, (matches = findUpdaterMatches(enh, mfs, exc)));
  }
  // Matches come rule by rule, frames ascending within a rule.
  for (let first = 0; first < matches.length;) {
    const rule = (matches[first] as [EnhancementRule, number])[0];
    const matched: number[] = [];
    let end = first;
    for (; end < matches.length && (matches[end] as [EnhancementRule, number])[0] === rule; end++) {
      matched.push((matches[end] as [EnhancementRule, number])[1]);
    }
    first = end;
    for (const a of rule.actions) {
      if (a.kind === "var" && a.name !== "category") state.set(a.name, { value: a.value, rule });
    }
    const ruleHint = `stack trace rule (${rule.description})`;
    applyRangeActions(matched, components.length, rangeActionsOf(rule, false), (a, j) => {
      const c = components[j] as GroupingComponent;
      const frame = frames[j] as GFrame;
      if (a.key === "group") {
        if (a.flag !== c.contributes) {
          update(c, { contributes: a.flag, hint: `${a.flag ? "un-ignored" : "ignored"} by ${ruleHint}` });
        }
      } else if (a.key === "app") {
        const changed = frame.client_in_app !== frame.in_app || a.flag === c.contributes;
        if (changed) update(c, { hint: `marked ${a.flag ? "in-app" : "out of app"} by ${ruleHint}` });
      } else {
        update(c, { hint: `marked as ${a.key} frame by ${ruleHint}` });
      }
    });
  }

  const maxFrames = state.get("max-frames");
  const max = maxFrames ? Number(maxFrames.value) : 0;
  if (maxFrames && max > 0) {
    let seen = 0;
    for (let i = components.length - 1; i >= 0; i--) {
      const c = components[i] as GroupingComponent;
      if (!c.contributes) continue;
      if (++seen <= max) continue;
      const what = max === 1 ? "frame is" : "frames are";
      update(c, {
        contributes: false,
        hint: `ignored because only ${max} ${what} considered by stack trace rule (${maxFrames.rule.description})`,
      });
    }
  }

  let hint: string | null = null;
  const minFrames = state.get("min-frames");
  const min = minFrames ? Number(minFrames.value) : 0;
  if (minFrames && min > 0) {
    const total = components.filter((c) => c.contributes).length;
    if (total > 0 && total < min) {
      hint =
        `discarded because stack trace only contains ${total} frame${total === 1 ? "" : "s"} which is under ` +
        `the configured threshold by stack trace rule (${minFrames.rule.description})`;
    }
  }
  return component("stacktrace", hint ? { values: components, contributes: false, hint } : { values: components });
}

export { parseRuleBool };
