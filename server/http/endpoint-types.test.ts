import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The endpoint table's types, checked by the compiler itself: small examples are compiled with the project's
 * tsconfig as if they were files of the project, and the test expects tsc to reject the wrong ones, with the error a
 * developer would see.
 */
const root = path.resolve(import.meta.dirname, "../..");

const examples = {
  goodHandlers: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { reply } from "@/server/http/reply";
    import { defineRoute } from "@/server/http/route";
    // A role endpoint's user is never null: no "user!" needed.
    export const me = defineRoute(endpoints.me, async ({ user }) => ({ user }));
    export const health = defineRoute(endpoints.health, async () => ({ status: "ok", db: "ok", models: "ready", version: "1", inbox: { depth: 0, lagSeconds: 0 } }));
    export const update = defineRoute(endpoints.updateUser, async ({ user, params, body }) =>
      reply({ user: { id: params.id, email: user.email, name: null, role: body.role ?? "viewer", disabled: false, createdAt: "" } }, { status: 200 }),
    );
  `,
  handlerWithWrongResult: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { defineRoute } from "@/server/http/route";
    export const me = defineRoute(endpoints.me, async ({ user }) => ({ user: { ...user, id: String(user.id) } }));
  `,
  jsonHandlerAnsweringAResponse: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { defineRoute } from "@/server/http/route";
    export const me = defineRoute(endpoints.me, async ({ user }) => Response.json({ user }));
  `,
  publicHandlerUsingUser: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { defineRoute } from "@/server/http/route";
    export const health = defineRoute(endpoints.health, async ({ user }) => {
      const version: string = user.email;
      return { status: "ok", db: "ok", models: "ready", version, inbox: { depth: 0, lagSeconds: 0 } };
    });
  `,
  goodClientCalls: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { api } from "@/lib/queries/api";
    export const issue = api(endpoints.issueDetail, { params: { id: 7 } }).then((answer) => answer.issue.title);
    export const audit = api(endpoints.listAudit, { query: { actor: "a@b.c", before: 10 } });
  `,
  clientWithWrongPathParameter: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { api } from "@/lib/queries/api";
    export const issue = api(endpoints.issueDetail, { params: { issueId: 7 } });
  `,
  clientWithoutItsPathParameter: `
    import { endpoints } from "@/lib/contracts/endpoints";
    import { api } from "@/lib/queries/api";
    export const pair = api(endpoints.pair, { query: { blind: "1" } });
  `,
  tableEntryWithoutItsPathParameter: `
    import { z } from "zod";
    import { endpoint } from "@/lib/contracts/endpoint";
    export const broken = endpoint({
      method: "GET", path: "/api/things/[thingId]", summary: "x", tag: "x", access: "viewer",
      params: z.object({ id: z.coerce.number() }), response: z.object({}),
    });
  `,
} as const;

type Example = keyof typeof examples;
const fileOf = (name: Example) => path.join(root, "server/http", `type-example-${name}.ts`);
let errorsOf: (name: Example) => string[];

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  )!;
  const options = { ...config.options, noEmit: true, incremental: false };
  const sources = new Map(Object.entries(examples).map(([name, text]) => [fileOf(name as Example), text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) => {
    const text = sources.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  host.fileExists = (file) => sources.has(file) || fileExists(file);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  const program = ts.createProgram([...sources.keys()], options, host);
  errorsOf = (name) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(fileOf(name)))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}, 120_000);

describe("the endpoint table's types", () => {
  it("accept handlers and client calls that match their endpoints", () => {
    expect(errorsOf("goodHandlers")).toEqual([]);
    expect(errorsOf("goodClientCalls")).toEqual([]);
  });

  it("reject a handler whose result does not match its response schema", () => {
    const [error, ...more] = errorsOf("handlerWithWrongResult");
    expect(more).toEqual([]);
    expect(error).toMatch(/Type 'string' is not assignable to type 'number'/);
  });

  it("reject a JSON endpoint's handler that answers with an untyped Response", () => {
    expect(errorsOf("jsonHandlerAnsweringAResponse")).toEqual([expect.stringMatching(/No overload matches this call/)]);
  });

  it("give a public handler no user", () => {
    expect(errorsOf("publicHandlerUsingUser")).toEqual(["'user' is possibly 'null'."]);
  });

  it("reject a client call with a wrong or missing path parameter", () => {
    expect(errorsOf("clientWithWrongPathParameter")).toEqual([
      expect.stringMatching(/'issueId' does not exist in type/),
    ]);
    expect(errorsOf("clientWithoutItsPathParameter")).toEqual([expect.stringMatching(/Property 'params' is missing/)]);
  });

  it("reject a table entry whose params do not name its path's [segments]", () => {
    expect(errorsOf("tableEntryWithoutItsPathParameter")).toEqual([expect.stringMatching(/thingId/)]);
  });
});
