import { describe, expect, it } from "vitest";
import type { SentryFrame } from "@/engine/event/schema";
import type { GroupingComponent } from "./component";
import { findSubcomponents } from "./component";
import { fingerprintEvent } from "./index";

// One rule per test: what each normalisation does to a frame's grouping component.

function frames(platform: string, fs: SentryFrame[], variant = "system"): GroupingComponent[] {
  const r = fingerprintEvent({ platform, exception: { values: [{ type: "Error", stacktrace: { frames: fs } }] } });
  const tree = r.variants[variant]?.component;
  return tree ? [...findSubcomponents(tree, "frame")] : [];
}

function part(frame: GroupingComponent | undefined, id: string) {
  const c = frame?.values.find((v): v is GroupingComponent => typeof v !== "string" && v.id === id);
  return c ? { value: c.values[0], contributes: c.contributes, hint: c.hint } : undefined;
}

describe("filename", () => {
  it("uses the lowercased basename", () => {
    const [f] = frames("python", [{ filename: "App\\Models\\User.PY", function: "save" }]);
    expect(part(f, "filename")).toMatchObject({ value: "user.py", contributes: true });
  });
  it.each(["http://x/a.js", "https://x/a.js", "blob:http://x/1", "applewebdata://x"])(
    "is ignored when abs_path is a URL (%s)",
    (abs) => {
      const [f] = frames("javascript", [{ abs_path: abs, filename: "a.js", function: "f" }]);
      expect(part(f, "filename")).toMatchObject({ contributes: false, hint: "ignored because frame points to a URL" });
    },
  );
  it("drops <anonymous> and [native code]", () => {
    const [a, b] = frames("javascript", [
      { filename: "<anonymous>", function: "f" },
      { filename: "[native code]", function: "g" },
    ]);
    expect(part(a, "filename")?.hint).toBe("anonymous filename discarded");
    expect(part(b, "filename")?.hint).toBe("native code indicated by filename");
  });
  it("gives way to a contributing module", () => {
    const [f] = frames("python", [{ filename: "a.py", module: "pkg.a", function: "f" }]);
    expect(part(f, "filename")).toMatchObject({ contributes: false, hint: "module takes precedence" });
  });
  it("cleans javassist parts on Java", () => {
    const [f] = frames("java", [{ filename: "EntriesResource_$$_javassist_seam_74.java", function: "get" }]);
    expect(part(f, "filename")?.value).toBe("entriesresource_$$_javassist<auto>.java");
  });
});

describe("module", () => {
  it("is ignored in JS when it is the tail of abs_path", () => {
    const [f] = frames("javascript", [{ abs_path: "webpack:///app/foo/bar.js", module: "foo/bar.js", function: "f" }]);
    expect(part(f, "module")).toMatchObject({ contributes: false, hint: "ignored bad javascript module" });
  });
  it.each([
    ["com.example.Foo$$Lambda$123/0x1", undefined, false],
    ["sun.reflect.GeneratedMethodAccessor42", "sun.reflect.GeneratedMethodAccessor", true],
    [
      "sun.reflect.GeneratedSerializationConstructorAccessor7",
      "sun.reflect.GeneratedSerializationConstructorAccessor<auto>",
      true,
    ],
    ["a.Config$$EnhancerBySpringCGLIB$$fb3a8c", "a.Config$$EnhancerBySpringCGLIB$$<auto>", true],
    ["a.Foo_$$_javassist_74", "a.Foo_$$_javassist<auto>", true],
    ["app.core$_main$fn__1234", "app.core$_main$fn__<auto>", true],
  ])("normalises Java module %s", (module, expected, contributes) => {
    const [f] = frames("java", [{ module, function: "run" }]);
    const m = part(f, "module");
    expect(m?.contributes).toBe(contributes);
    if (expected) expect(m?.value).toBe(expected);
  });
});

describe("function", () => {
  it("trims native names to the bare function", () => {
    const [a, b, c] = frames("native", [
      { function: "void std::vector<int>::push_back(int const&) const", package: "/app/bin" },
      { function: "core::ptr::drop_in_place::h1234567890abcdef", package: "/app/bin" },
      { function: "main::$_0::operator()(int) const", package: "/app/bin" },
    ]);
    expect(part(a, "function")?.value).toBe("std::vector<T>::push_back");
    expect(part(b, "function")?.value).toBe("core::ptr::drop_in_place");
    expect(part(c, "function")?.value).toBe("main::lambda::operator()");
  });
  it("ignores unknown native names", () => {
    const [f] = frames("native", [{ function: "<unknown>", package: "/app/bin" }]);
    expect(part(f, "function")?.contributes).toBe(false);
  });
  it("prefers raw_function on C#", () => {
    const [f] = frames("csharp", [{ function: "Foo.Bar", raw_function: "Foo.Bar (System.Int32 x)" }]);
    expect(part(f, "function")?.value).toBe("Foo.Bar (System.Int32 x)");
  });
  it("collapses Ruby blocks and erb suffixes", () => {
    const [a, b] = frames("ruby", [{ function: "block in foo" }, { function: "_app_views_x_erb__1234_5678" }]);
    expect(part(a, "function")?.value).toBe("block");
    expect(part(b, "function")?.value).toBe("_app_views_x_erb");
  });
  it("ignores PHP anonymous functions and keeps the method of anonymous classes", () => {
    const [a, b] = frames("php", [
      { function: "[Anonymous function]" },
      { function: "class@anonymous/in/x.php:3$0::handle" },
    ]);
    expect(part(a, "function")?.contributes).toBe(false);
    expect(part(b, "function")?.value).toBe("handle");
  });
  it("ignores Java lambdas", () => {
    const [f] = frames("java", [{ module: "a.B", function: "lambda$run$0" }]);
    expect(part(f, "function")?.contributes).toBe(false);
  });
  it("keeps the last segment of JS names and ignores anonymous ones", () => {
    const [a, b, c] = frames("javascript", [
      { filename: "a.js", function: "Foo.bar" },
      { filename: "a.js", function: "<anonymous>" },
      { filename: "a.js", function: "x/<" },
    ]);
    expect(part(a, "function")).toMatchObject({ value: "bar", hint: "trimmed javascript function" });
    expect(part(b, "function")?.contributes).toBe(false);
    expect(part(c, "function")?.hint).toBe("ignored unknown function name");
  });
  it("ignores a source-mapped JS function when a context line contributes", () => {
    const [f] = frames("javascript", [
      { filename: "a.js", function: "f", context_line: "x()", data: { sourcemap: "a.js.map" } },
    ]);
    expect(part(f, "function")?.hint).toBe("ignored because sourcemap used and context line available");
  });
});

describe("context line", () => {
  it("collapses whitespace and is used on python", () => {
    const [f] = frames("python", [{ filename: "a.py", function: "f", context_line: "  return\t  x +   1 " }]);
    expect(part(f, "context-line")).toMatchObject({ value: "return x + 1", contributes: true });
  });
  it("is discarded when longer than 120 characters", () => {
    const [f] = frames("python", [{ filename: "a.py", function: "f", context_line: "x".repeat(121) }]);
    expect(part(f, "context-line")?.hint).toBe("discarded because line too long");
  });
  it("is not used on java", () => {
    const [f] = frames("java", [{ module: "a.B", function: "f", context_line: "return 1;" }]);
    expect(part(f, "context-line")).toBeUndefined();
  });
});

describe("whole frames", () => {
  it("ignores direct recursion", () => {
    const fr = { filename: "a.py", function: "f", lineno: 3 };
    const [, second] = frames("python", [fr, fr]);
    expect(second).toMatchObject({ contributes: false, hint: "ignored due to recursion" });
  });
  it("drops low quality JS frames", () => {
    const [f] = frames("javascript", [
      { abs_path: "[native code]", function: "forEach" },
      { filename: "b.js", function: "g" },
    ]);
    expect(f).toMatchObject({ contributes: false, hint: "ignored low quality javascript frame" });
  });
  it("marks frames outside the app as non-contributing in the app variant", () => {
    const [a, b] = frames(
      "python",
      [
        { filename: "lib.py", function: "f", in_app: false },
        { filename: "app.py", function: "g", in_app: true },
      ],
      "app",
    );
    expect(a).toMatchObject({ contributes: false, hint: "non app frame" });
    expect(b?.contributes).toBe(true);
  });
  it("applies the default in-app rules", () => {
    const [f] = frames(
      "python",
      [
        {
          abs_path: "/venv/lib/python3/site-packages/requests/api.py",
          filename: "requests/api.py",
          function: "get",
          in_app: true,
        },
      ],
      "app",
    );
    expect(f?.contributes).toBe(false);
    expect(f?.hint).toMatch(/marked out of app by stack trace rule/);
  });
});
