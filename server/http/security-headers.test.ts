import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}
type NextConfigFunction = (phase: string) => { headers(): Promise<HeaderRule[]> };

async function headersOf(phase: string): Promise<HeaderRule[]> {
  const file = pathToFileURL(path.resolve(import.meta.dirname, "../../next.config.js")).href;
  const config = ((await import(file)) as { default: NextConfigFunction }).default;
  return config(phase).headers();
}

function policyOf(rule: HeaderRule): Map<string, string> {
  const csp = rule.headers.find((header) => header.key === "Content-Security-Policy")!.value;
  return new Map(csp.split(";").map((part) => part.trim().split(/ (.*)/s) as [string, string]));
}

describe("security headers (next.config.js)", () => {
  it("sends CSP, frame, sniffing and referrer headers on every path, the ingest endpoints included", async () => {
    const rules = await headersOf("phase-production-server");
    expect(rules).toHaveLength(1);
    const [rule] = rules as [HeaderRule];
    expect(rule.source).toBe("/:path*");
    const headers = Object.fromEntries(rule.headers.map(({ key, value }) => [key, value]));
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    // Nothing here may answer a browser SDK's CORS request in place of server/ingest/transport/cors.ts.
    expect(Object.keys(headers).filter((key) => /^access-control-|^cross-origin-/i.test(key))).toEqual([]);

    const policy = policyOf(rule);
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.get("script-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("connect-src")).toBe("'self'");
  });

  it("lets only the development server evaluate code", async () => {
    const [production] = (await headersOf("phase-production-server")) as [HeaderRule];
    const [development] = (await headersOf("phase-development-server")) as [HeaderRule];
    expect(policyOf(production).get("script-src")).not.toContain("unsafe-eval");
    expect(policyOf(development).get("script-src")).toContain("'unsafe-eval'");
  });
});
