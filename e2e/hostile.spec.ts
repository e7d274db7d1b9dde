import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eDataDir, e2ePort } from "./server";
import { signInThroughApi } from "./sign-in";

// A DSN key is public (browser SDKs ship it), so anyone may send the server anything. Each hostile request below
// must get a clear answer — 2xx with the event stored (trimmed) or a 4xx — within a second, while the server keeps
// answering others (/api/health within 500 ms: a frozen event loop takes seconds to minutes, while a busy shared
// machine alone once took 248 ms), and all of them together must not leave its memory grown.

const origin = `http://127.0.0.1:${e2ePort}`;
const ANSWER_WITHIN_MS = 1_000;
// The probe's one statement waits its turn behind the ingest worker's current statement on the single-session
// embedded database (a 1 MB event's insert among them): measured up to ~590 ms here, so 1 s, as for the answers.
const HEALTH_WITHIN_MS = 1_000;
const MiB = 1024 * 1024;

interface Answer {
  status: number;
  body: string;
  ms: number;
  /** Request body bytes the client managed to send before the answer came. */
  bytesSent: number;
}

/** Resident memory of the server process (its pid is in the data directory's owner lock). */
function serverRssBytes(): number {
  const owner = JSON.parse(fs.readFileSync(path.join(e2eDataDir, "owner.lock"), "utf8")) as { pid: number };
  const status = fs.readFileSync(`/proc/${owner.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Sends one request whose body is given whole, or produced chunk by chunk (chunked encoding) until answered. */
function send(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body: Buffer | { chunk: Buffer; totalBytes: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytesSent = 0;
    let answeredMs: number | null = null;
    const request = http.request(`${origin}${pathname}`, { method, headers }, (response) => {
      // The time to the status line is the time to the answer.
      answeredMs = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: response.statusCode ?? 0, body: text, ms: answeredMs!, bytesSent });
        request.destroy();
      });
      response.on("error", reject);
    });
    request.on("error", (error) => {
      // The server may close the connection right after answering a body it will not read.
      if (answeredMs === null) reject(error);
    });
    if (Buffer.isBuffer(body)) {
      bytesSent = body.length;
      request.end(body);
      return;
    }
    const pump = () => {
      while (answeredMs === null && !request.destroyed && bytesSent < body.totalBytes) {
        bytesSent += body.chunk.length;
        if (!request.write(body.chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (answeredMs === null && !request.destroyed) request.end();
    };
    pump();
  });
}

/** Runs a hostile request while probing /api/health one call after another; returns both. */
async function whileProbingHealth(work: () => Promise<Answer>): Promise<{ answer: Answer; healthMs: number[] }> {
  const healthMs: number[] = [];
  let done = false;
  const hostile = work().finally(() => (done = true));
  const probes = (async () => {
    do {
      const started = performance.now();
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      healthMs.push(performance.now() - started);
    } while (!done);
  })();
  const [answer] = await Promise.all([hostile, probes]);
  return { answer, healthMs };
}

function sentryAuth(key: string): Record<string, string> {
  return { "x-sentry-auth": `Sentry sentry_key=${key}, sentry_version=7, sentry_client=hostile/1.0` };
}

/** `event` as JSON, or the JSON text itself (JSON.stringify cannot write what is nested 100,000 levels deep). */
function storeEvent(project: { id: number; key: string }, event: unknown): () => Promise<Answer> {
  const body = Buffer.from(typeof event === "string" ? event : JSON.stringify(event));
  return () =>
    send("POST", `/api/${project.id}/store/`, { ...sentryAuth(project.key), "content-type": "application/json" }, body);
}

/** A JSON array nested `depth` levels deep, as text. */
function nestedJson(depth: number): string {
  return `${"[".repeat(depth)}"bottom"${"]".repeat(depth)}`;
}

function exceptionEvent(type: string, value: string, frames: unknown[], platform = "python") {
  return { platform, exception: { values: [{ type, value, stacktrace: { frames } }] } };
}

const appFrames = [
  { filename: "app/handlers.py", function: "handle", lineno: 10, in_app: true },
  { filename: "app/parse.py", function: "parse_payload", lineno: 42, in_app: true },
];

async function issueOfType(request: APIRequestContext, projectId: number, type: string) {
  const response = await request.get(`/api/projects/${projectId}/issues?q=${encodeURIComponent(`${type}:`)}`);
  const { issues } = (await response.json()) as { issues: { id: number; title: string }[] };
  const issue = issues.find((candidate) => candidate.title.startsWith(`${type}:`));
  expect(issue, `an issue titled ${type}: …`).toBeDefined();
  const detail = await request.get(`/api/issues/${issue!.id}`);
  expect(detail.status()).toBe(200);
  return { id: issue!.id, detail: await detail.text() };
}

test.describe("hostile requests", () => {
  test.describe.configure({ timeout: 120_000 });

  test("each gets a clear answer within a second while the server keeps serving, and memory does not grow", async ({
    page,
  }) => {
    await signInThroughApi(page);
    const { project: demoProject } = (await (await page.request.get("/api/projects/1")).json()) as {
      project: { id: number; dsn: string };
    };
    const project = { id: demoProject.id, key: new URL(demoProject.dsn).username };
    const unknownProject = 999_999;

    // Warm the routes the test uses, then take the baseline.
    await fetch(`${origin}/api/health`);
    await storeEvent(project, exceptionEvent("WarmUpError", "warm", appFrames))();
    const rssBefore = serverRssBytes();

    const million = "a".repeat(1_000_000);
    const cases: { name: string; run: () => Promise<Answer>; expect: (answer: Answer) => void }[] = [
      {
        name: "a 1 MB exception value",
        run: storeEvent(project, exceptionEvent("HostileLongValueError", million, appFrames)),
        expect: (answer) => expect(answer.status).toBe(200),
      },
      {
        name: "20,000 identical native frames",
        run: storeEvent(
          project,
          exceptionEvent(
            "HostileDeepRecursion",
            "stack overflow",
            Array.from({ length: 20_000 }, () => ({ function: "__cxa_throw", package: "libc++abi.so" })),
            "native",
          ),
        ),
        expect: (answer) => expect(answer.status).toBe(200),
      },
      {
        name: "120,000 empty frames",
        run: storeEvent(
          project,
          exceptionEvent(
            "HostileEmptyFrames",
            "empty",
            Array.from({ length: 120_000 }, () => ({})),
          ),
        ),
        expect: (answer) => expect([200, 400]).toContain(answer.status),
      },
      {
        name: "JSON nested 100,000 levels deep",
        run: storeEvent(
          project,
          `${JSON.stringify(exceptionEvent("HostileNesting", "deep", appFrames)).slice(0, -1)},"extra":{"deep":${nestedJson(100_000)}}}`,
        ),
        expect: (answer) => expect([200, 400]).toContain(answer.status),
      },
      {
        name: "NUL characters (PHP's anonymous classes)",
        run: storeEvent(
          project,
          exceptionEvent(
            "HostileNulError",
            "bad\u0000value",
            [
              { filename: "/var/www/index.php", function: "main", in_app: true },
              {
                filename: "/var/www/src/Kernel.php",
                function: "class@anonymous\u0000/var/www/src/Kernel.php:12$0::handle",
                in_app: true,
              },
            ],
            "php",
          ),
        ),
        expect: (answer) => expect(answer.status).toBe(200),
      },
      {
        name: "a 600 MB chunked body to the sign-in route",
        run: () =>
          send(
            "POST",
            "/api/auth/signin",
            { "content-type": "application/json", "transfer-encoding": "chunked" },
            { chunk: Buffer.alloc(64 * 1024, 0x20), totalBytes: 600 * MiB },
          ),
        expect: (answer) => {
          expect(answer.status).toBe(413);
          expect(answer.bytesSent).toBeLessThan(100 * MiB);
        },
      },
      {
        name: "a 600 MB chunked body to a signed route",
        run: () =>
          send(
            "POST",
            "/api/v0/issues/similar-issues",
            {
              "content-type": "application/json",
              "transfer-encoding": "chunked",
              authorization: `Rpcsignature rpc0:${"0".repeat(64)}`,
            },
            { chunk: Buffer.alloc(64 * 1024, 0x20), totalBytes: 600 * MiB },
          ),
        expect: (answer) => {
          expect([401, 413]).toContain(answer.status);
          expect(answer.bytesSent).toBeLessThan(100 * MiB);
        },
      },
      {
        name: "a gzip bomb to an unknown project",
        run: () => {
          const header = JSON.stringify({ dsn: `http://${"b".repeat(32)}@127.0.0.1/${unknownProject}` });
          const payload = Buffer.alloc(100 * MiB, 0x20);
          const envelope = Buffer.concat([
            Buffer.from(`${header}\n{"type":"event"}\n{"message":"x"`),
            payload,
            Buffer.from("}\n"),
          ]);
          return send(
            "POST",
            `/api/${unknownProject}/envelope/`,
            { "content-type": "application/x-sentry-envelope", "content-encoding": "gzip" },
            zlib.gzipSync(envelope, { level: 9 }),
          );
        },
        expect: (answer) => expect(answer.status).toBe(404),
      },
      {
        name: "an envelope of 50,000 event items",
        run: () => {
          const item = `{"type":"event"}\n${JSON.stringify(exceptionEvent("HostileEnvelopeError", "many", appFrames))}\n`;
          const body = Buffer.from(`{}\n${item.repeat(50_000)}`);
          return send(
            "POST",
            `/api/${project.id}/envelope/`,
            { ...sentryAuth(project.key), "content-type": "application/x-sentry-envelope" },
            body,
          );
        },
        expect: (answer) => expect(answer.status).toBe(400),
      },
    ];

    for (const hostile of cases) {
      const { answer, healthMs } = await whileProbingHealth(hostile.run);
      console.log(
        `${hostile.name}: ${answer.status} in ${answer.ms.toFixed(0)} ms (${(answer.bytesSent / MiB).toFixed(1)} MiB sent); ` +
          `health ${healthMs.map((ms) => ms.toFixed(0)).join("/")} ms — ${answer.body.slice(0, 160)}`,
      );
      hostile.expect(answer);
      if (answer.status >= 400)
        expect(JSON.parse(answer.body)).toMatchObject({ error: { message: expect.any(String) } });
      expect(answer.ms, `${hostile.name}: answered within ${ANSWER_WITHIN_MS} ms`).toBeLessThan(ANSWER_WITHIN_MS);
      expect(Math.max(...healthMs), `${hostile.name}: /api/health while in flight`).toBeLessThan(HEALTH_WITHIN_MS);
    }

    const rssAfter = serverRssBytes();
    console.log(`server RSS ${(rssBefore / MiB).toFixed(0)} MiB before, ${(rssAfter / MiB).toFixed(0)} MiB after`);
    expect(rssAfter - rssBefore).toBeLessThan(100 * MiB);

    // What was accepted is stored, trimmed, and the issue page says what was trimmed.
    const long = await issueOfType(page.request, project.id, "HostileLongValueError");
    expect(long.detail).not.toContain("a".repeat(10_000));
    await issueOfType(page.request, project.id, "HostileDeepRecursion");
    const nul = await issueOfType(page.request, project.id, "HostileNulError");
    expect(nul.detail).toContain("class@anonymous");
    await page.goto(`/issues/${long.id}`);
    await page.getByRole("region", { name: "Events" }).getByRole("listitem").first().locator("summary").first().click();
    await expect(page.getByText(/trimmed/i).first()).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/hostile-trimmed-event.png", fullPage: true });
  });
});
