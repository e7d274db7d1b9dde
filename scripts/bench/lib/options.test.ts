import { describe, expect, it } from "vitest";
import { benchOptions } from "./options";

const defaults = { records: 2000, duration: 1.5, model: "v2", models: null, postgres: false };

describe("benchOptions", () => {
  it("gives each option its default, typed as the default is", () => {
    expect(benchOptions([], defaults)).toEqual({
      records: 2000,
      duration: 1.5,
      model: "v2",
      models: undefined,
      postgres: false,
    });
  });

  it("reads numbers, text and flags from the command line", () => {
    const args = ["--records", "50", "--duration", "0.5", "--model", "v1", "--models", "fixture", "--postgres"];
    expect(benchOptions(args, defaults)).toEqual({
      records: 50,
      duration: 0.5,
      model: "v1",
      models: "fixture",
      postgres: true,
    });
  });

  it("refuses an option the bench does not have", () => {
    expect(() => benchOptions(["--clients", "4"], defaults)).toThrow();
  });
});
