import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-serve-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Starts the server as `npm start` does and waits for it to exit. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "start"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function occupyPort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

describe("start-up problems are one clear sentence, not a stack trace", () => {
  it("an occupied port", async () => {
    const blocker = await occupyPort();
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await start({ PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `regroup: Port ${port} is already in use on 127.0.0.1; stop the process that uses it or set PORT to a free port.\n`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);

  it("a DATABASE_URL where no database answers (the password is not printed)", async () => {
    const blocker = await occupyPort(); // a free port number to aim at: nothing will accept PostgreSQL there
    const dbPort = (blocker.address() as net.AddressInfo).port;
    blocker.close();
    const result = await start({ PORT: "0", DATABASE_URL: `postgres://regroup:hunter2@127.0.0.1:${dbPort}/regroup` });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `regroup: Cannot use the database (DATABASE_URL=postgres://regroup:***@127.0.0.1:${dbPort}/regroup): nothing is listening there.\n`,
    );
  }, 60_000);

  it("a DATABASE_URL that is not a PostgreSQL URL", async () => {
    const result = await start({ PORT: "0", DATABASE_URL: "mysql://localhost/regroup" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "regroup: Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL.\n",
    );
  }, 60_000);
});
