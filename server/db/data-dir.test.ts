import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock";
import { ensurePrivateDataDir } from "./data-dir";
import { setUpTempDirs } from "../testing/temp-dirs";

const tempParent = setUpTempDirs("regroup-data-dir-");

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
