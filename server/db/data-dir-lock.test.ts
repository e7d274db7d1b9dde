import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError, readLockOwner } from "./data-dir-lock";
import { setUpTempDirs } from "../testing/temp-dirs";

const tempDir = setUpTempDirs("regroup-lock-");

/** Runs `npm run db:migrate` against a data directory, as a user would, and collects what it prints. */
function runMigrateCli(dataDir: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "db:migrate"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the embedded data directory has one owner", () => {
  it("makes a second process that opens the directory fail with one clear sentence, leaving the data alone", async () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "regroup server");
    lock.advertise("http://localhost:3999");
    try {
      const result = await runMigrateCli(dir);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `db:migrate: The embedded database in ${dir} is in use by the regroup server at http://localhost:3999 ` +
          `(pid ${process.pid}); only one process may open it at a time — stop that process first, or use the server's HTTP API.`,
      );
      // Nothing was created in the directory by the refused process.
      expect(fs.readdirSync(dir)).toEqual(["owner.lock"]);
    } finally {
      lock.release();
    }
    expect(readLockOwner(dir)).toBeNull();
  }, 60_000);

  it("lets the next process in once the owner has gone, and migrates the directory", async () => {
    const dir = tempDir();
    // A lock left behind by a process that no longer exists (e.g. killed with SIGKILL).
    fs.writeFileSync(
      path.join(dir, "owner.lock"),
      JSON.stringify({ pid: 2 ** 22 + 12345, hostname: os.hostname(), role: "regroup server", since: "" }),
    );
    expect(readLockOwner(dir)).toBeNull();
    const result = await runMigrateCli(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(fs.existsSync(path.join(dir, "owner.lock"))).toBe(false);
  }, 60_000);

  it("refuses a second owner within one process too", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "first");
    const foreign = { pid: process.ppid, hostname: os.hostname(), role: "another regroup", since: "" };
    fs.writeFileSync(lock.file, JSON.stringify(foreign));
    expect(() => acquireDataDirLock(dir, "second")).toThrow(DataDirBusyError);
    fs.rmSync(lock.file);
  });
});
