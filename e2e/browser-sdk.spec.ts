import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, test } from "@playwright/test";
import { untilIngested } from "./server";
import { signInThroughApi } from "./sign-in";

// The real @sentry/browser SDK, bundled and minified as a shop would ship it, on a page of another origin: its
// unhandled errors reach regroup's envelope endpoint across origins (CORS, sentry_key in the query string).

/** The first page of a project's issues, most recently seen first: new issues come in at its top. */
interface IssueList {
  issues: { id: number; title: string }[];
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./browser-app/app.js", import.meta.url))],
    bundle: true,
    minify: true,
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function servePage(dsn: string): Promise<{ url: string; close(): Promise<void> }> {
  const script = await bundle();
  const html =
    `<!doctype html><title>shop</title><script>window.SENTRY_DSN=${JSON.stringify(dsn)}</script>` +
    `<button id="price">Price</button><button id="coupon">Coupon</button><script src="/app.min.js"></script>`;
  const server = http.createServer((req, res) => {
    const js = req.url === "/app.min.js";
    res.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
    res.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("errors of a minified page reach regroup through the real @sentry/browser SDK", async ({ page, browser }) => {
  await signInThroughApi(page);
  const projectId = 4;
  const { project } = (await (await page.request.get(`/api/projects/${projectId}`)).json()) as {
    project: { dsn: string };
  };
  const before = (await (await page.request.get(`/api/projects/${projectId}/issues`)).json()) as IssueList;
  const shop = await servePage(project.dsn);
  try {
    const visitor = await browser.newPage();
    const sent: number[] = [];
    visitor.on("response", (response) => {
      if (response.url().includes(`/api/${projectId}/envelope/`)) sent.push(response.status());
    });
    await visitor.goto(shop.url);
    for (const button of ["Price", "Coupon", "Price"]) await visitor.getByRole("button", { name: button }).click();
    await expect.poll(() => sent.length, { timeout: 15_000 }).toBe(3);
    expect(sent).toEqual([200, 200, 200]);
    await visitor.close();
  } finally {
    await shop.close();
  }

  await untilIngested(page.request);
  const after = (await (await page.request.get(`/api/projects/${projectId}/issues`)).json()) as IssueList;
  const fresh = after.issues.filter((issue) => !before.issues.some((old) => old.id === issue.id));
  const titles = fresh.map((issue) => issue.title).sort();
  expect(titles).toEqual([
    expect.stringMatching(/^RangeError: coupon bad is malformed$/),
    expect.stringMatching(/^TypeError: Cannot read properties of undefined \(reading 'price'\)$/),
  ]);
});
