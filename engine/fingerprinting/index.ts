import type { SentryEvent } from "@/engine/event/schema";
import { normalizeEvent } from "@/engine/event/normalize";
import type { GroupingComponent } from "./component";
import { component, componentHash, iterValues, update } from "./component";
import { hashFromValues } from "./md5";
import { applyFrameClassification, loadEnhancements } from "./enhancements/apply";
import { componentTrees } from "./strategies";
import { parseFingerprintRules } from "./rules/parser";
import { BUILTIN_FINGERPRINT_RULES } from "./rules/builtin";
import { describeRule, findMatchingRule } from "./rules/match";
import { resolveFingerprintValues } from "./rules/resolve";
import type { FingerprintRule } from "./rules/types";
import { DEFAULT_FINGERPRINT_VAR, isDefaultFingerprintVar } from "./rules/types";

export type { GroupingComponent } from "./component";
export type { FingerprintRule } from "./rules/types";
export { parseFingerprintRules, FingerprintRuleParseError } from "./rules/parser";
export { parseEnhancements, EnhancementParseError } from "./enhancements/parser";
export { RulesTextError, type RulesTextLimits } from "./rules-text";

export type VariantType =
  | "component"
  | "custom-fingerprint"
  | "built-in-fingerprint"
  | "salted-component"
  | "fallback"
  | "checksum"
  | "hashed-checksum";

export interface FingerprintVariant {
  hash: string | null;
  type: VariantType;
  component: GroupingComponent;
  /** The resolved fingerprint (custom and salted variants). */
  values?: string[];
  /** The server-side fingerprint rule that produced the fingerprint, as text. */
  matchedRule?: string;
  /** The fingerprint the client sent, when a server rule replaced it. */
  clientValues?: string[];
}

export interface FingerprintResult {
  variants: Record<string, FingerprintVariant>;
  /** Non-null variant hashes, system last; an event joins an issue when any of them is known. */
  hashes: string[];
}

export interface FingerprintOptions {
  /** The project's own stack trace rules (same syntax as the built-in ones). */
  enhancements?: string;
  /** The project's server-side fingerprint rules, as parsed rules or rules text. */
  fingerprintingRules?: FingerprintRule[] | string;
}

const MD5_HEX = /^[0-9a-f]{32}$/;

// A project's rules text is the same for all its events; parse it once per distinct text.
const RULES_CACHE_LIMIT = 100;
const parsedRules = new Map<string, FingerprintRule[]>();

function fingerprintRules(rules: FingerprintOptions["fingerprintingRules"]): readonly FingerprintRule[] {
  if (typeof rules !== "string") return rules ?? [];
  let parsed = parsedRules.get(rules);
  if (!parsed) {
    parsed = parseFingerprintRules(rules);
    if (parsedRules.size >= RULES_CACHE_LIMIT) parsedRules.clear();
    parsedRules.set(rules, parsed);
  }
  return parsed;
}

function checksumVariants(checksum: string): Record<string, FingerprintVariant> {
  const leaf = (id: string, v: string) => component(id, { values: [v] });
  if (MD5_HEX.test(checksum)) {
    return { checksum: { hash: checksum, type: "checksum", component: leaf("checksum", checksum) } };
  }
  const rv: Record<string, FingerprintVariant> = {
    "hashed-checksum": {
      hash: hashFromValues([checksum]),
      type: "hashed-checksum",
      component: leaf("checksum", checksum),
    },
  };
  if (checksum.length <= 32) rv.checksum = { hash: checksum, type: "checksum", component: leaf("checksum", checksum) };
  return rv;
}

/** Groups an event the way Sentry's `newstyle:2023-01-11` config does: every variant's hash and component tree. */
export function fingerprintEvent(event: SentryEvent, options: FingerprintOptions = {}): FingerprintResult {
  let variants: Record<string, FingerprintVariant>;
  if (event.checksum) {
    variants = checksumVariants(event.checksum);
  } else {
    variants = {};
    const ev = normalizeEvent(event);
    const enhancements = loadEnhancements(options.enhancements);
    applyFrameClassification(ev, enhancements);

    const clientFingerprint = (event.fingerprint ?? []).filter((v): v is string => typeof v === "string");
    let fingerprint = clientFingerprint.length > 0 ? clientFingerprint : [DEFAULT_FINGERPRINT_VAR];
    let matchedRule: string | undefined;
    const rules = fingerprintRules(options.fingerprintingRules);
    const rule = findMatchingRule(rules, ev) ?? findMatchingRule(BUILTIN_FINGERPRINT_RULES, ev);
    if (rule) {
      matchedRule = describeRule(rule);
      fingerprint = rule.fingerprint;
    }
    const info = matchedRule
      ? { matchedRule, ...(clientFingerprint.length > 0 ? { clientValues: clientFingerprint } : {}) }
      : {};

    const trees = componentTrees(ev, { enhancements, variant: "default" });
    const defaults = fingerprint.filter(isDefaultFingerprintVar).length;
    if (defaults === 0) {
      // A fully custom fingerprint replaces default grouping.
      for (const [name, c] of trees) {
        update(c, { contributes: false, hint: "custom fingerprint takes precedence" });
        variants[name] = { hash: null, type: "component", component: c };
      }
      const values = resolveFingerprintValues(fingerprint, ev);
      const name = rule?.isBuiltin ? "built-in-fingerprint" : "custom-fingerprint";
      variants[name] = {
        hash: hashFromValues(values),
        type: name,
        component: component(name, { values: [...values] }),
        values,
        ...info,
      };
    } else if (defaults === 1 && fingerprint.length === 1) {
      for (const [name, c] of trees) variants[name] = { hash: componentHash(c), type: "component", component: c };
    } else {
      // Default grouping salted with the extra values.
      const values = resolveFingerprintValues(fingerprint, ev);
      for (const [name, c] of trees) {
        const hash = c.contributes
          ? hashFromValues(values.flatMap((v) => (isDefaultFingerprintVar(v) ? [...iterValues(c)] : [v])))
          : null;
        variants[name] = { hash, type: "salted-component", component: c, values, ...info };
      }
    }
    if (!Object.values(variants).some((v) => v.hash !== null)) {
      variants.fallback = { hash: hashFromValues([]), type: "fallback", component: component("fallback") };
    }
  }

  const ordered = Object.entries(variants).sort(([a], [b]) => (a === "system" ? 1 : 0) - (b === "system" ? 1 : 0));
  const hashes: string[] = [];
  for (const [, v] of ordered) if (v.hash !== null && !hashes.includes(v.hash)) hashes.push(v.hash);
  return { variants, hashes };
}
