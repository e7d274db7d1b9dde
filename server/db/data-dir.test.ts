import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock";
import { ensurePrivateDataDir } from "./data-dir";

const dirs: string[] = [];
function tempParent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-data-dir-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const modeOf = (dir: string) => fs.statSync(dir).mode & 0o777;

describe("DATA_DIR permissions", () => {
  it("creates the data directory (and any missing parent) readable by its owner only", () => {
    const dataDir = path.join(tempParent(), "nested", "data");
    const lock = acquireDataDirLock(dataDir, "test");
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(path.dirname(dataDir))).toBe(0o700);
    } finally {
      lock.release();
    }
  });

  it("takes group and other access away from an existing directory of this user", () => {
    const dataDir = path.join(tempParent(), "data");
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, "kept"), "x");
    ensurePrivateDataDir(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(fs.readFileSync(path.join(dataDir, "kept"), "utf8")).toBe("x");
  });
});
