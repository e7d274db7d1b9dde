import type { GException, GFrame, GStacktrace } from "@/engine/event/normalize";
import { familyForPlatform, frameIsUrl } from "@/engine/event/platform";
import type { GroupingComponent } from "../component";
import { cloneComponent, hasContributingSubcomponent, update } from "../component";
import { assembleStacktraceComponent } from "../enhancements/apply";
import type { ExceptionData } from "../enhancements/rule";
import type { GroupingContext } from "./context";
import { frameComponent } from "./frame";

/** Variant name → component; a `!` prefix marks the mandatory variant (system). */
export type Variants = Map<string, GroupingComponent>;

function isRecursion(a: GFrame, b: GFrame | null): boolean {
  return (
    b !== null &&
    a.abs_path === b.abs_path &&
    a.package === b.package &&
    a.module === b.module &&
    a.filename === b.filename &&
    a.function === b.function &&
    a.lineno === b.lineno &&
    a.colno === b.colno
  );
}

/** Frame components as both variants start from them (they differ only in in-app flags later). */
function baseFrameComponents(frames: readonly GFrame[], platform: string): GroupingComponent[] {
  const values: GroupingComponent[] = new Array<GroupingComponent>(frames.length);
  let prev: GFrame | null = null;
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as GFrame;
    values[i] = frameComponent(frame, platform, isRecursion(frame, prev));
    prev = frame;
  }
  return values;
}

function singleVariant(
  st: GStacktrace,
  variant: "app" | "system",
  values: GroupingComponent[],
  platform: string,
  exc: ExceptionData | null,
  ctx: GroupingContext,
): GroupingComponent {
  const frames = st.frames;
  if (variant === "app") {
    for (let i = 0; i < frames.length; i++) {
      if (!(frames[i] as GFrame).in_app)
        update(values[i] as GroupingComponent, { contributes: false, hint: "non app frame" });
    }
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
  return assembleStacktraceComponent(ctx.enhancements, values, st, platform, exc);
}

/** The stacktrace component for the system (mandatory) and app variants. */
export function stacktraceVariants(
  st: GStacktrace,
  platform: string,
  exception: GException | null,
  ctx: GroupingContext,
): Variants {
  // Frame components are built once and copied for the app variant: building them (name
  // cleaning, regexes) costs far more than a copy, and the variants only diverge afterwards.
  const system = baseFrameComponents(st.frames, platform);
  const app = system.map(cloneComponent);
  const exc = exception ? { type: exception.type, value: exception.value, mechanism: exception.mechanismType } : null;
  return new Map([
    ["!system", singleVariant(st, "system", system, platform, exc, ctx)],
    ["app", singleVariant(st, "app", app, platform, exc, ctx)],
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
    if (hasContributingSubcomponent(c, "stacktrace")) withStacktrace.push(name.replace(/^!/, ""));
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
