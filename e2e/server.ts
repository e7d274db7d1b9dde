/** Where the end-to-end run's server listens and keeps its data (playwright.config.ts starts it there). */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = ".data/e2e";
