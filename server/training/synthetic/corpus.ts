import { generateApp, type App } from "./codebase";
import { renderEvent } from "./events";
import { Rng } from "@/engine/math/random";
import { generateFamily, type RootCause } from "./root-causes";
import { SYNTHETIC_PLATFORMS, type SyntheticEvent, type SyntheticPlatform } from "./types";

export interface CorpusOptions {
  seed: number | string;
  /** Number of apps (each its own project and code base). */
  apps: number;
  platforms?: readonly SyntheticPlatform[];
  /** Root-cause families per app, [min, max]. */
  families?: [number, number];
  /** Events per root cause, [min, max]. */
  eventsPerRootCause?: [number, number];
  /** Offsets app numbering, so two corpora never share an app name. */
  firstApp?: number;
}

export interface Corpus {
  seed: number | string;
  apps: App[];
  rootCauses: RootCause[];
  events: SyntheticEvent[];
}

/** A seeded, deterministic corpus of Sentry-shaped events with their root causes as ground truth. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const root = new Rng(`corpus:${options.seed}`);
  const platforms = options.platforms ?? SYNTHETIC_PLATFORMS;
  const [minFamilies, maxFamilies] = options.families ?? [6, 14];
  const [minEvents, maxEvents] = options.eventsPerRootCause ?? [2, 6];
  const apps: App[] = [];
  const rootCauses: RootCause[] = [];
  const events: SyntheticEvent[] = [];
  for (let a = 0; a < options.apps; a++) {
    const index = (options.firstApp ?? 0) + a;
    const rng = root.fork(`app:${a}`);
    const platform = platforms[(a + Math.floor(rng.next() * 3)) % platforms.length] as SyntheticPlatform;
    const app = generateApp(rng.fork("code"), platform, index);
    apps.push(app);
    const familyCount = rng.int(minFamilies, maxFamilies);
    for (let f = 0; f < familyCount; f++) {
      const causes = generateFamily(rng.fork(`family:${f}`), app, `${app.project}/f${f}`);
      for (const cause of causes) {
        rootCauses.push(cause);
        const eventRng = rng.fork(`events:${cause.id}`);
        for (let e = eventRng.int(minEvents, maxEvents); e > 0; e--)
          events.push(renderEvent(eventRng, app, cause, app.project));
      }
    }
  }
  return { seed: options.seed, apps, rootCauses, events };
}
