import { describe, expect, it } from "vitest";
import { firstFreeSlug, MAX_SLUG_LENGTH, slugOfName } from "./slug";

describe("a project's slug", () => {
  it("is the name in lower-case letters and digits joined by dashes", () => {
    expect(slugOfName("Checkout API")).toBe("checkout-api");
    expect(slugOfName("  Billing / Invoices (v2)  ")).toBe("billing-invoices-v2");
    expect(slugOfName("Café Zürich")).toBe("cafe-zurich");
  });

  it("is 'project' for a name without a letter or digit, and never longer than the limit", () => {
    expect(slugOfName("日本語")).toBe("project");
    expect(slugOfName("---")).toBe("project");
    const long = slugOfName(`${"a".repeat(49)} b c`);
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.endsWith("-")).toBe(false);
  });

  it("gets the first free number when it is taken", () => {
    expect(firstFreeSlug("api", new Set())).toBe("api");
    expect(firstFreeSlug("api", new Set(["api", "api-2"]))).toBe("api-3");
  });
});
