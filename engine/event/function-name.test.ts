import { describe, expect, it } from "vitest";
import { collapseLambdas, trimFunctionName } from "./function-name";

describe("trimFunctionName", () => {
  it("collapses lambdas as Sentry does", () => {
    expect(collapseLambdas("run()::{lambda(int)#1}::operator()")).toBe("run()::lambda::operator()");
    expect(collapseLambdas("a {lambda( b {lambda(x)#2} c")).toBe("a lambda c");
    expect(collapseLambdas("{lambda(\n)#1} $_12 lambda_0123456789abcdef0123456789abcdef")).toBe(
      "{lambda(\n)#1} lambda lambda",
    );
    expect(trimFunctionName("std::function<void ()>::operator()() const &", "native")).toBe(
      "std::function<T>::operator()",
    );
  });

  it("collapses lambdas in time linear in the name's length", () => {
    // Sentry's regex rescanned to the line's end from every unclosed opener: ~minutes for these.
    const start = performance.now();
    expect(collapseLambdas("{lambda(".repeat(125_000))).toHaveLength(1_000_000);
    expect(collapseLambdas(`${"{lambda(".repeat(125_000)})#1}`)).toBe("lambda");
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("leaves a name longer than any real symbol as it is instead of recursing through its brackets", () => {
    const deep = `${"<".repeat(50_000)}x${">".repeat(50_000)}`;
    expect(trimFunctionName(deep, "native")).toBe(deep);
    expect(trimFunctionName(`${"&".repeat(100)}f() const &`, "native")).toBe(`${"&".repeat(100)}f`);
  });
});
