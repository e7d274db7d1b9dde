import { describe, expect, it } from "vitest";
import { endpoints } from "../contracts/endpoints";
import { endpointPath, endpointUrl, queryString } from "./url";

describe("endpoint URLs", () => {
  it("fill the path's segments, escaped, and refuse to build one without them", () => {
    expect(endpointPath("/api/guidelines/[platform]", { platform: "a b/c" })).toBe("/api/guidelines/a%20b%2Fc");
    expect(() => endpointPath("/api/users/[id]", {})).toThrow('/api/users/[id] needs its "id"');
  });

  it("leave absent and empty values out of the query, and join lists with commas", () => {
    expect(queryString({ actor: "", target: undefined, before: 12, blind: null, ids: [1, 2] })).toBe(
      "before=12&ids=1%2C2",
    );
    expect(endpointUrl(endpoints.listAudit, undefined, { actor: "" })).toBe("/api/audit");
    expect(endpointUrl(endpoints.pair, { id: 3 }, { blind: "1" })).toBe("/api/review/pairs/3?blind=1");
  });
});
