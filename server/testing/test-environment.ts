import { afterAll, beforeAll } from "vitest";
import { signatureHeader } from "../http/rpc-signature";
import type { Database } from "../db/client";
import { useGroupingModels } from "../grouping/default-models";
import type { GroupingModels } from "../grouping/models";
import { startApiServer, type ApiServerOptions } from "./api-server";
import { createTestDatabase } from "./database";
import { signedInAs } from "./users";

export interface TestDatabaseOptions {
  /** Grouping models installed for the file, and uninstalled after it; none when unset. */
  models?: GroupingModels;
}

/**
 * A database whose members read the one a `beforeAll` hook opens, so that a test file can name it at its top level.
 * Reading it before that hook ran throws.
 */
export function openedLater(current: () => Database | undefined): Database {
  const opened = () => {
    const database = current();
    if (!database) throw new Error("the test database opens in beforeAll: use it inside a hook or a test");
    return database;
  };
  return {
    get prisma() {
      return opened().prisma;
    },
    get driver() {
      return opened().driver;
    },
    advertise: (url) => opened().advertise(url),
    close: () => opened().close(),
  };
}

/**
 * Registers the hooks that give this test file a fresh, migrated embedded database (and the grouping models it asks
 * for) before its tests and close it after them; returns that database.
 */
export function setUpTestDatabase(options: TestDatabaseOptions = {}): Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (options.models) useGroupingModels(options.models);
  });
  afterAll(async () => {
    if (options.models) useGroupingModels(undefined);
    await database?.close();
  });
  return openedLater(() => database);
}

/** The API server a test file talks to; `url` is its address once the file's `beforeAll` hooks ran. */
export interface TestApiServer {
  readonly url: string;
}

/** Registers the hooks that serve the app's API routes on a loopback port for this test file, and close it after. */
export function setUpApiServer(options: ApiServerOptions = {}): TestApiServer {
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startApiServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("the API server starts in beforeAll: use it inside a hook or a test");
      return server.url;
    },
  };
}

/** A JSON answer of the test API: its status and parsed body. */
export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/** `setUpTestDatabase` and `setUpApiServer` together: the API routes served over a fresh database. */
export function setUpTestApi(options: TestDatabaseOptions & ApiServerOptions = {}): TestApiServer & {
  database: Database;
  /** A JSON request signed in with this session cookie; answers the status and the parsed JSON body. */
  call<T = Record<string, unknown>>(
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<JsonAnswer<T>>;
} {
  const database = setUpTestDatabase(options);
  const server = setUpApiServer(options);
  return {
    database,
    get url() {
      return server.url;
    },
    async call<T>(cookie: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
  };
}

/** A signed-in admin, labeler and viewer for a test file, made before its tests run: each one's Cookie header value. */
export function signedInCookies(): Record<"admin" | "labeler" | "viewer", string> {
  const cookies = { admin: "", labeler: "", viewer: "" };
  beforeAll(async () => {
    for (const role of ["admin", "labeler", "viewer"] as const) cookies[role] = (await signedInAs(role)).cookie;
  });
  return cookies;
}

/** A POST of the grouping API, signed with the tests' GROUPING_API_SECRET as a Sentry signs it. */
export function signedPost(baseUrl: string, path: string, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: signatureHeader(text, process.env.GROUPING_API_SECRET!),
    },
    body: text,
  });
}
