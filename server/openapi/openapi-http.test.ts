import { beforeAll, describe, expect, it } from "vitest";
import { pathParamNames, pathsOf } from "@/lib/contracts/endpoint";
import { endpoints } from "@/lib/contracts/endpoints";
import { groupingApiSecrets } from "../http/rpc-signature";
import { setUpApiServer } from "../testing/test-environment";
import { openApiPath } from "./document";

// The served document over real HTTP, as a caller (or a code generator) fetches it; no database is needed.
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> } & Record<string, unknown>;
}

const api = setUpApiServer();
let text: string;
let document: Document;

beforeAll(async () => {
  const response = await fetch(`${api.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  text = await response.text();
  document = JSON.parse(text) as Document;
});

const HTTP_METHODS = new Set(["get", "put", "post", "patch", "delete", "options", "head", "trace"]);
const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
    );
  }
  return [];
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/")],
      document,
    );
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.x document of regroup", () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: "regroup", version: expect.any(String) });
  });

  it("names every endpoint of the table, at each of its paths, and nothing else", () => {
    const expected = Object.entries(endpoints).flatMap(([, endpoint]) =>
      pathsOf(endpoint).map((path) => `${endpoint.method.toLowerCase()} ${openApiPath(path)}`),
    );
    const documented = operations().map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(expected.sort());
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const operation = document.paths[openApiPath(endpoint.path)]![endpoint.method.toLowerCase()]!;
      expect(operation, name).toMatchObject({ operationId: name, summary: endpoint.summary });
    }
  });

  it("gives each operation a unique id, its path parameters, and described answers, one a success", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      const where = `${method} ${path}`;
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort(), where).toEqual(
        pathParamNames(path.replace(/\{(\w+)\}/g, "[$1]")).sort(),
      );
      for (const parameter of declared) expect(parameter.required, `${where} ${parameter.name}`).toBe(true);
      const responses = Object.entries(operation.responses ?? {});
      expect(
        responses.some(([status]) => /^2\d\d$/.test(status)),
        where,
      ).toBe(true);
      for (const [status, response] of responses) expect(response.description, `${where} ${status}`).toBeTruthy();
    }
  });

  it("resolves every $ref, and names only security schemes it defines", () => {
    for (const ref of refsIn(document)) expect(resolve(ref), ref).toBeDefined();
    const schemes = Object.keys(document.components.securitySchemes);
    for (const { operation } of operations()) {
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
      }
    }
  });

  it("documents Seer's API at the host's root and under /api, signed, and the SDK endpoints with the DSN key", () => {
    const similar = "/v0/issues/similar-issues";
    for (const path of [similar, `/api${similar}`]) {
      const operation = document.paths[path]!.post!;
      expect(operation.security).toEqual([{ rpcSignature: [] }]);
      const schema = JSON.stringify(operation.responses!["200"]!.content!["application/json"]!.schema);
      expect(schema).toContain("parent_hash");
    }
    expect(document.components.securitySchemes.rpcSignature).toMatchObject({ in: "header", name: "Authorization" });
    for (const path of ["/api/{project_id}/store", "/api/{project_id}/envelope"]) {
      expect(document.paths[path]!.post!.security).toEqual([{ sentryAuthHeader: [] }, { sentryKeyQuery: [] }]);
    }
    expect(document.paths["/api/users/{id}"]!.patch!.security).toEqual([{ session: [] }]);
  });

  it("holds no secret", () => {
    for (const secret of groupingApiSecrets()) expect(text).not.toContain(secret);
  });
});
