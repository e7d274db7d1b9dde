import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePrivateDataDir } from "./data-dir";

/**
 * The embedded PostgreSQL is one session in one process: two processes opening the same data directory
 * would corrupt it. The owner holds `DATA_DIR/owner.lock` (created atomically) naming its pid and, for the
 * server, the URL that other tools use to reach the data through its HTTP API.
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  role: string;
  url?: string;
  since: string;
}

export class DataDirBusyError extends Error {
  override name = "DataDirBusyError";
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const who = owner.url
      ? `the regroup server at ${owner.url} (pid ${owner.pid})`
      : `${owner.role} (pid ${owner.pid})`;
    super(
      `The embedded database in ${dataDir} is in use by ${who}; only one process may open it at a time — ` +
        `stop that process first${owner.url ? ", or use the server's HTTP API" : ""}.`,
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Records the URL other tools should use while this process owns the directory. */
  advertise(url: string): void;
  release(): void;
}

const LOCK_NAME = "owner.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who holds the directory now, or null when nobody does (a lock left by a dead process counts as free). */
export function readLockOwner(dataDir: string): LockOwner | null {
  const file = path.join(dataDir, LOCK_NAME);
  let owner: LockOwner;
  try {
    owner = JSON.parse(fs.readFileSync(file, "utf8")) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Unreadable or half-written: treat as held by an unknown live process only if very recent.
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    return ageMs < 5_000 ? { pid: -1, hostname: os.hostname(), role: "another process", since: "" } : null;
  }
  const sameHost = owner.hostname === os.hostname();
  if (sameHost && owner.pid !== process.pid && !isAlive(owner.pid)) return null;
  return owner;
}

/** Takes the directory for this process or throws DataDirBusyError. Released on exit. */
export function acquireDataDirLock(dataDir: string, role: string): DataDirLock {
  ensurePrivateDataDir(dataDir);
  const file = path.join(dataDir, LOCK_NAME);
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), role, since: new Date().toISOString() };

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readLockOwner(dataDir);
      if (current && current.pid !== process.pid) throw new DataDirBusyError(dataDir, current);
      if (attempt === 1) throw new DataDirBusyError(dataDir, current ?? { ...owner, pid: -1, role: "another process" });
      // Stale lock of a process that died: remove it and try once more (another starter may win the race).
      fs.rmSync(file, { force: true });
    }
  }

  const release = () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, "utf8")) as LockOwner;
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return {
    file,
    advertise(url) {
      fs.writeFileSync(file, JSON.stringify({ ...owner, url }));
    },
    release() {
      process.removeListener("exit", release);
      release();
    },
  };
}
