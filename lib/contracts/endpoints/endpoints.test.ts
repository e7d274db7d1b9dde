import { describe, expect, it } from "vitest";
import { pathParamNames, pathsOf, type Endpoint } from "../endpoint";
import { endpoints } from "./index";

describe("the endpoint table", () => {
  const entries: [string, Endpoint][] = Object.entries(endpoints);

  it("names each [segment] of every path in its params schema, and nothing else", () => {
    for (const [name, endpoint] of entries) {
      const declared = Object.keys(endpoint.params?.shape ?? {}).sort();
      for (const path of pathsOf(endpoint)) expect(declared, `${name} at ${path}`).toEqual(pathParamNames(path).sort());
    }
  });

  it("lists each method and path once", () => {
    const routes = entries.flatMap(([, endpoint]) => pathsOf(endpoint).map((path) => `${endpoint.method} ${path}`));
    expect(new Set(routes).size).toBe(routes.length);
  });

  it("takes a body only on methods that carry one", () => {
    for (const [name, endpoint] of entries) {
      if (endpoint.method === "GET" || endpoint.method === "OPTIONS") expect(endpoint.body, name).toBeUndefined();
    }
  });
});
