import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { signatureHeader, signBody, SIGNATURE_SCHEME, verifyRpcSignature } from "./rpc-signature";

const body = '{"project_id":1,"hash":"h"}';

function statusOf(header: string | null, secrets: string[]): number {
  try {
    verifyRpcSignature(body, header, secrets);
    return 200;
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe("verifyRpcSignature", () => {
  it("accepts the body's signature under any of the shared secrets, so a secret can be rotated", () => {
    expect(statusOf(signatureHeader(body, "old"), ["new", "old"])).toBe(200);
    expect(statusOf(signatureHeader(body, "new"), ["new", "old"])).toBe(200);
    expect(statusOf(signatureHeader(body, "other"), ["new", "old"])).toBe(401);
  });

  it("compares the hex digest exactly: trailing junk, a truncated or a non-hex digest is refused", () => {
    const digest = signBody(body, "s");
    expect(statusOf(`${SIGNATURE_SCHEME}${digest}`, ["s"])).toBe(200);
    expect(statusOf(`${SIGNATURE_SCHEME}${digest.toUpperCase()}`, ["s"])).toBe(200);
    expect(statusOf(`${SIGNATURE_SCHEME}${digest}zz`, ["s"])).toBe(401);
    expect(statusOf(`${SIGNATURE_SCHEME}${digest}00`, ["s"])).toBe(401);
    expect(statusOf(`${SIGNATURE_SCHEME}${digest.slice(0, 63)}`, ["s"])).toBe(401);
    expect(statusOf(`${SIGNATURE_SCHEME}${digest.slice(0, 62)}xy`, ["s"])).toBe(401);
    expect(statusOf(null, ["s"])).toBe(401);
  });
});
