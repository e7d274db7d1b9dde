import { COMPANIES, DOMAINS, LAYERS, PRODUCTS, functionWords, type Layer } from "./names";
import { PLATFORM_SPECS } from "./platforms";
import type { Rng } from "@/engine/math/random";
import type { SyntheticPlatform } from "./types";

/** One function of an app's own code. */
export interface AppFunction {
  name: string;
  domain: string;
  layer: string;
  kind: Layer;
  /** Line of the call site in the first release; later releases shift it. */
  line: number;
}

export interface App {
  name: string;
  project: string;
  platform: SyntheticPlatform;
  company: string;
  pkg: string;
  releases: string[];
  functions: Record<Layer, AppFunction[]>;
}

function makeFunction(
  rng: Rng,
  platform: SyntheticPlatform,
  domain: string,
  kind: Layer,
  used: Set<string>,
): AppFunction {
  const spec = PLATFORM_SPECS[platform];
  const layer = rng.pick(LAYERS[kind]);
  for (let attempt = 0; ; attempt++) {
    const name = spec.functionName(functionWords(rng), domain, layer, rng);
    if (!used.has(name) || attempt > 20) {
      used.add(name);
      return { name, domain, layer, kind, line: rng.int(12, 480) };
    }
  }
}

/** A whole application: domains with entry points, services, data access, clients and shared utilities. */
export function generateApp(rng: Rng, platform: SyntheticPlatform, index: number): App {
  const company = rng.pick(COMPANIES);
  const product = rng.pick(PRODUCTS);
  const pkg = product.replace(/-/g, "_");
  const domains = rng.sample(DOMAINS, rng.int(3, 7));
  const used = new Set<string>();
  const functions: Record<Layer, AppFunction[]> = { entry: [], service: [], data: [], client: [], util: [] };
  for (const domain of domains) {
    for (let i = rng.int(3, 6); i > 0; i--) functions.entry.push(makeFunction(rng, platform, domain, "entry", used));
    for (let i = rng.int(5, 12); i > 0; i--)
      functions.service.push(makeFunction(rng, platform, domain, "service", used));
    for (let i = rng.int(2, 5); i > 0; i--) functions.data.push(makeFunction(rng, platform, domain, "data", used));
  }
  // Clients and utilities are few and shared by many features, like a signed-request helper.
  const shared = rng.pick(domains);
  for (let i = rng.int(2, 5); i > 0; i--)
    functions.client.push(makeFunction(rng, platform, rng.chance(0.5) ? shared : rng.pick(domains), "client", used));
  for (let i = rng.int(2, 5); i > 0; i--) functions.util.push(makeFunction(rng, platform, shared, "util", used));
  const major = rng.int(1, 24);
  const releases = Array.from({ length: rng.int(2, 6) }, (_, i) => `${major}.${rng.int(0, 30) + i}.${rng.int(0, 9)}`);
  return {
    name: `${product}-${index}`,
    project: `${company}-${product}-${index}`,
    platform,
    company,
    pkg,
    releases,
    functions,
  };
}
