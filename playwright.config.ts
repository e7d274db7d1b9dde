import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2ePort } from "./e2e/server";

// The e2e run starts its own regroup on a fresh embedded database with the demo data (the same
// `npm start --demo` path a user takes) and drives Debian's Chromium (no browser download here).
const port = e2ePort;
const dataDir = e2eDataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && node scripts/prepare.mjs && npm run --silent start -- --demo`,
    url: `http://localhost:${port}/api/health`,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_EMAIL: "admin@e2e.test",
      ADMIN_PASSWORD: "e2e-admin-password",
    },
    // E2E_REUSE_SERVER=1 runs the specs against a server already started on E2E_PORT with DATA_DIR=.data/e2e
    // (while writing a spec, to skip the demo load); a normal run always starts a fresh one.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
