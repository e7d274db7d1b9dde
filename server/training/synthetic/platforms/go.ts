import { camel, pascal } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => {
    const file = module.split("/").pop() ?? module;
    return { module, filename: `${file.replace(/\..*$/, "")}.go`, abs_path: `/usr/local/go/src/${module}.go` };
  });

export const go: PlatformSpec = {
  platform: "go",
  sdk: { name: "sentry.go", version: "0.30.0" },
  functionName: (words, domain, layer, rng) =>
    rng.chance(0.6)
      ? `(*${pascal([domain.replace(/s$/, ""), layer.replace(/s$/, "")])}).${pascal(words)}`
      : rng.chance(0.5)
        ? pascal(words)
        : camel(words),
  appFrame: ({ company, pkg, domain, layer, fn, line, code }) => {
    const goModule = `github.com/${company}/${pkg}/internal/${domain}`;
    return {
      module: goModule,
      filename: `${layer}.go`,
      abs_path: `/build/internal/${domain}/${layer}.go`,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "res, err := {callee}(ctx, {arg})",
    "if err := {callee}(ctx, {arg}); err != nil {",
    "return {callee}(ctx, req)",
    "{arg}, err := s.{callee}(ctx, id)",
  ],
  entries: [
    lib([
      "net/http|(*conn).serve",
      "net/http|serverHandler.ServeHTTP",
      "github.com/go-chi/chi/v5/mux|(*Mux).ServeHTTP",
      "net/http|HandlerFunc.ServeHTTP",
    ]),
    lib([
      "google.golang.org/grpc/server|(*Server).handleStream",
      "google.golang.org/grpc/server|(*Server).processUnaryRPC",
    ]),
    lib(["runtime/asm_amd64|goexit"]),
  ],
  wrappers: ["func1", "func2", "Middleware.func1", "withRetry", "recoverer"],
  failures: [
    {
      type: "*url.Error",
      messages: [
        'Get "https://{host}{path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        'Post "http://{host}:{port}{path}": dial tcp {ip}:{port}: connect: connection refused',
      ],
      tails: [lib(["net/http/client|(*Client).Do", "net/http/client|(*Client).do"])],
      code: ["resp, err := c.http.Do(req)", "res, err := http.DefaultClient.Do(req)"],
    },
    {
      type: "runtime.Error",
      messages: ["runtime error: invalid memory address or nil pointer dereference"],
      tails: [lib(["runtime/panic|panicmem", "runtime/signal_unix|sigpanic"])],
      code: ["return s.{attr}.ID, nil", "name := user.{attr}.Name"],
    },
    {
      type: "runtime.Error",
      messages: ["runtime error: index out of range [{len}] with length {len}"],
      tails: [lib(["runtime/panic|goPanicIndex"])],
      code: ["first := items[0]", "return parts[1], nil"],
    },
    {
      type: "*pq.Error",
      messages: ['pq: duplicate key value violates unique constraint "{table}_{col}_key"'],
      tails: [
        lib([
          "database/sql/sql|(*DB).ExecContext",
          "database/sql/sql|(*DB).exec",
          "github.com/lib/pq/conn|(*conn).Exec",
        ]),
      ],
      code: ["_, err := r.db.ExecContext(ctx, insert{model}, args...)"],
    },
    {
      type: "*json.SyntaxError",
      messages: ["invalid character '<' looking for beginning of value"],
      tails: [lib(["encoding/json/decode|Unmarshal", "encoding/json/scanner|checkValid"])],
      code: ["if err := json.Unmarshal(body, &out); err != nil {"],
    },
    {
      type: "*errors.errorString",
      messages: ["sql: no rows in result set"],
      tails: [lib(["database/sql/sql|(*Row).Scan"])],
      code: ["err := row.Scan(&{attr}.ID, &{attr}.Name)"],
    },
  ],
};
