import { pascal } from "../names";
import { capitalize, libraryFrames, type PlatformSpec } from "./spec";

const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => ({ module, filename: "", abs_path: "" })).map(
    ({ filename: _f, abs_path: _a, ...frame }) => ({
      ...frame,
      filename: `${frame.module?.split(".").pop() ?? "Unknown"}.cs`,
      abs_path: `/_/src/${frame.module?.split(".").slice(0, 2).join(".")}/${frame.module?.split(".").pop()}.cs`,
    }),
  );

export const csharp: PlatformSpec = {
  platform: "csharp",
  sdk: { name: "sentry.dotnet.aspnetcore", version: "4.13.0" },
  functionName: (words, _domain, _layer, rng) => pascal(words) + (rng.chance(0.4) ? "Async" : ""),
  appFrame: ({ company, pkg, domain, layer, fn, line }) => {
    const cls = pascal([domain.replace(/s$/, ""), layer.replace(/s$/, "")]);
    const ns = `${capitalize(company)}.${pascal([pkg])}.${capitalize(domain)}`;
    return {
      module: `${ns}.${cls}`,
      filename: `${cls}.cs`,
      abs_path: `/src/${ns}/${cls}.cs`,
      function: fn,
      lineno: line,
      in_app: true,
    };
  },
  callCode: [""],
  entries: [
    lib([
      "Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker|InvokeActionMethodAsync",
      "Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor+TaskOfIActionResultExecutor|Execute",
      "System.Runtime.CompilerServices.AsyncMethodBuilderCore|Start",
    ]),
    lib([
      "Microsoft.Extensions.Hosting.Internal.BackgroundService|ExecuteAsync",
      "System.Threading.Tasks.Task|ExecuteWithThreadLocal",
    ]),
  ],
  wrappers: ["MoveNext", "Invoke", "ExecuteAsync", "Handle"],
  failures: [
    {
      type: "System.NullReferenceException",
      messages: ["Object reference not set to an instance of an object."],
      tails: [[]],
      code: [""],
    },
    {
      type: "System.InvalidOperationException",
      messages: ["Sequence contains no elements", "Nullable object must have a value."],
      tails: [lib(["System.Linq.ThrowHelper|ThrowNoElementsException", "System.Linq.Enumerable|First"])],
      code: [""],
    },
    {
      type: "System.Net.Http.HttpRequestException",
      messages: ["Response status code does not indicate success: {code}.", "Connection refused ({host}:{port})"],
      tails: [lib(["System.Net.Http.HttpResponseMessage|EnsureSuccessStatusCode"])],
      code: [""],
    },
    {
      type: "System.Threading.Tasks.TaskCanceledException",
      messages: ["The request was canceled due to the configured HttpClient.Timeout of {secs} seconds elapsing."],
      tails: [lib(["System.Net.Http.HttpClient|SendAsync", "System.Net.Http.HttpClient|HandleFailure"])],
      code: [""],
    },
    {
      type: "Microsoft.EntityFrameworkCore.DbUpdateException",
      messages: ["An error occurred while saving the entity changes. See the inner exception for details."],
      tails: [
        lib([
          "Microsoft.EntityFrameworkCore.DbContext|SaveChangesAsync",
          "Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch|ExecuteAsync",
        ]),
      ],
      code: [""],
      cause: {
        type: "Npgsql.PostgresException",
        messages: ['23505: duplicate key value violates unique constraint "IX_{model}_{col}"'],
      },
    },
    {
      type: "System.Collections.Generic.KeyNotFoundException",
      messages: ["The given key '{key}' was not present in the dictionary."],
      tails: [
        lib(["System.Collections.Generic.Dictionary`2|get_Item", "System.ThrowHelper|ThrowKeyNotFoundException"]),
      ],
      code: [""],
    },
    {
      type: "System.FormatException",
      messages: ["The input string '{word}' was not in a correct format."],
      tails: [lib(["System.Int32|Parse", "System.Number|ThrowFormatException"])],
      code: [""],
    },
  ],
};
