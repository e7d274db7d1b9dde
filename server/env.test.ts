import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("configuration", () => {
  it("refuses a GROUPING_API_SECRET shorter than 32 characters, naming the variable and the rule", () => {
    expect(() => parseEnv({ GROUPING_API_SECRET: "x".repeat(31) })).toThrow(
      /GROUPING_API_SECRET must be at least 32 characters/,
    );
    expect(parseEnv({ GROUPING_API_SECRET: "x".repeat(32) }).GROUPING_API_SECRET).toBe("x".repeat(32));
  });

  it("reads TRUST_PROXY as a number of trusted proxies", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be true, false or a number of proxies/);
  });
});
