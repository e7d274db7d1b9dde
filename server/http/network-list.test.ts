import { describe, expect, it } from "vitest";
import { networkMatcher, parseNetworkList } from "./network-list";

describe("trusted network lists", () => {
  it("matches loopback by default and nothing else", () => {
    const matches = networkMatcher(parseNetworkList("127.0.0.0/8 ::1"));
    for (const address of ["127.0.0.1", "127.9.8.7", "::1", "::ffff:127.0.0.1"]) expect(matches(address)).toBe(true);
    for (const address of ["10.0.0.1", "::2", "unknown", "", "::ffff:10.0.0.1"]) expect(matches(address)).toBe(false);
  });

  it("reads commas, bare hosts and IPv6 networks; 'none' allows no one", () => {
    const matches = networkMatcher(parseNetworkList("10.0.0.0/8, 192.168.1.5 fd00::/8"));
    expect([matches("10.1.2.3"), matches("192.168.1.5"), matches("192.168.1.6"), matches("fd12::1")]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(networkMatcher(parseNetworkList("none"))("127.0.0.1")).toBe(false);
  });

  it("refuses an entry that is not a network, naming it", () => {
    expect(() => parseNetworkList("127.0.0.0/8 localhost")).toThrow(/"localhost"/);
    expect(() => parseNetworkList("10.0.0.0/33")).toThrow(/prefix length/);
    expect(() => parseNetworkList("10.0.0.0/8/1")).toThrow(/"10.0.0.0\/8\/1"/);
  });
});
