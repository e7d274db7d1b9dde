/** Where the end-to-end run's server listens and keeps its data (playwright.config.ts starts it there). */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = ".data/e2e";

/**
 * Waits until the server has grouped every event it accepted: the SDK endpoints answer once an event is in the
 * ingest inbox, and the worker groups it a moment later (`inbox.depth` in /api/health).
 */
export async function untilIngested(api: { get(url: string): Promise<{ json(): Promise<unknown> }> }): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const health = (await (await api.get("/api/health")).json()) as { inbox: { depth: number } };
    if (health.inbox.depth === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the server did not group the events it accepted within 10 s");
}
