import type { GException, GFrame, GStacktrace } from "@/lib/event/normalize";
import { familyForPlatform, frameIsUrl } from "@/lib/event/platform";
import type { GroupingComponent } from "../component";
import { findSubcomponents, update } from "../component";
import { assembleStacktraceComponent } from "../enhancements/apply";
import type { GroupingContext } from "./context";
import { frameComponent } from "./frame";

/** Variant name → component; a `!` prefix marks the mandatory variant (system). */
export type Variants = Map<string, GroupingComponent>;

const RECURSION_FIELDS = ["abs_path", "package", "module", "filename", "function", "lineno", "colno"] as const;

function isRecursion(a: GFrame, b: GFrame | null): boolean {
  if (b === null) return false;
  for (const k of RECURSION_FIELDS) if (a[k] !== b[k]) return false;
  return true;
}

function singleVariant(
  st: GStacktrace,
  variant: "app" | "system",
  platform: string,
  exception: GException | null,
  ctx: GroupingContext,
): GroupingComponent {
  const frames = st.frames;
  const values: GroupingComponent[] = [];
  let prev: GFrame | null = null;
  for (const frame of frames) {
    const c = frameComponent(frame, platform, isRecursion(frame, prev));
    if (variant === "app" && !frame.in_app) update(c, { contributes: false, hint: "non app frame" });
    values.push(c);
    prev = frame;
  }
  const first = frames[0];
  const firstComponent = values[0];
  // Kept from Sentry: the condition says URL while the hint says non-URL.
  if (
    frames.length === 1 &&
    first &&
    firstComponent?.contributes &&
    familyForPlatform(first.platform || platform) === "javascript" &&
    !first.function &&
    frameIsUrl(first.abs_path)
  ) {
    update(firstComponent, { contributes: false, hint: "ignored single non-URL JavaScript frame" });
  }
  const exc = exception ? { type: exception.type, value: exception.value, mechanism: exception.mechanismType } : null;
  return assembleStacktraceComponent(ctx.enhancements, values, st, platform, exc);
}

/** The stacktrace component for the system (mandatory) and app variants. */
export function stacktraceVariants(
  st: GStacktrace,
  platform: string,
  exception: GException | null,
  ctx: GroupingContext,
): Variants {
  return new Map([
    ["!system", singleVariant(st, "system", platform, exception, ctx)],
    ["app", singleVariant(st, "app", platform, exception, ctx)],
  ]);
}

/**
 * When some variant has a contributing stacktrace, variants without one must not group by their
 * exception type/message alone.
 */
export function removeNonStacktraceVariants(variants: Variants): Variants {
  const withStacktrace: string[] = [];
  const without: GroupingComponent[] = [];
  for (const [name, c] of variants) {
    let contributes = false;
    for (const s of findSubcomponents(c, "stacktrace")) {
      if (s.contributes) {
        contributes = true;
        break;
      }
    }
    if (contributes) withStacktrace.push(name.replace(/^!/, ""));
    else without.push(c);
  }
  if (withStacktrace.length > 0) {
    const suffix = withStacktrace.length === 1 ? `but the ${withStacktrace[0]} variant does` : "others do";
    for (const c of without) {
      update(c, {
        contributes: false,
        hint: `ignored because this variant does not have a contributing stacktrace, ${suffix}`,
      });
    }
  }
  return variants;
}
