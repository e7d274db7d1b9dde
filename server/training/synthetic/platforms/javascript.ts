import { camel, pascal } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

// Browser JavaScript after source maps: app frames under app:///src, libraries under node_modules.
const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => ({
    filename: `./node_modules/${module}`,
    abs_path: `webpack:///./node_modules/${module}`,
  }));

export const javascript: PlatformSpec = {
  platform: "javascript",
  sdk: { name: "sentry.javascript.react", version: "8.42.0" },
  functionName: (words, _domain, layer, rng) =>
    layer === "components" || rng.chance(0.1) ? pascal(words.slice(1)) || pascal(words) : camel(words),
  appFrame: ({ domain, layer, fn, line, code }) => {
    const filename = `./src/${domain}/${layer}.${layer === "components" ? "tsx" : "ts"}`;
    return {
      filename,
      abs_path: `app:///${filename.slice(2)}`,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "const result = await {callee}({arg});",
    "return {callee}({arg}, options);",
    "{callee}({arg});",
    "const {arg} = useMemo(() => {callee}({arg}), [{arg}]);",
    "dispatch({callee}({arg}));",
  ],
  entries: [
    lib([
      "react-dom/cjs/react-dom.production.min.js|dispatchDiscreteEvent",
      "react-dom/cjs/react-dom.production.min.js|batchedUpdates$1",
      "react-dom/cjs/react-dom.production.min.js|callCallback",
    ]),
    lib([
      "react-dom/cjs/react-dom.production.min.js|performUnitOfWork",
      "react-dom/cjs/react-dom.production.min.js|beginWork",
      "react-dom/cjs/react-dom.production.min.js|renderWithHooks",
    ]),
    lib(["@tanstack/query-core/build/modern/query.js|fetchFn", "@tanstack/query-core/build/modern/retryer.js|run"]),
    [],
  ],
  wrappers: ["onClick", "handleSubmit", "useCallback$argument_0", "withErrorBoundary", "sentryWrapped", "apply"],
  failures: [
    {
      type: "TypeError",
      messages: [
        "Cannot read properties of undefined (reading '{attr}')",
        "Cannot read properties of null (reading '{attr}')",
      ],
      tails: [[]],
      code: ["const total = order.{attr}.amount;", "return props.{attr}.map(renderRow);", "if (user.{attr}.enabled) {"],
    },
    {
      type: "TypeError",
      messages: ["{attr}.map is not a function", "{attr}.filter is not a function"],
      tails: [[]],
      code: ["return {attr}.map((row) => row.id);", "const visible = {attr}.filter(isVisible);"],
    },
    {
      type: "ReferenceError",
      messages: ["{attr} is not defined"],
      tails: [[]],
      code: ["track({attr});", "return {attr}.current;"],
    },
    {
      type: "AxiosError",
      messages: ["Request failed with status code {code}"],
      tails: [
        lib([
          "axios/lib/core/Axios.js|Axios.request|throw err;",
          "axios/lib/adapters/xhr.js|XMLHttpRequest.onloadend|settle(function _resolve(value) {",
          "axios/lib/core/settle.js|settle|reject(new AxiosError(",
        ]),
      ],
      code: ["const { data } = await api.get(`{path}`);", 'await client.post("{path}", payload);'],
    },
    {
      type: "TypeError",
      messages: ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"],
      tails: [[]],
      code: ["const response = await fetch(url, { signal });", "const res = await fetch(`{path}`);"],
    },
    {
      type: "SyntaxError",
      messages: [
        "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
        "JSON.parse: unexpected character at line 1 column 1 of the JSON data",
      ],
      tails: [[]],
      code: ["const body = await response.json();", "return JSON.parse(raw);"],
    },
    {
      type: "RangeError",
      messages: ["Maximum call stack size exceeded", "Invalid time value"],
      tails: [[]],
      code: ["return format(new Date(value), pattern);", "return walk(node.parent);"],
    },
    {
      type: "ChunkLoadError",
      messages: ["Loading chunk {n} failed.\n(error: https://cdn.example.com/static/js/{n}.{hex}.js)"],
      tails: [
        lib([
          "webpack/runtime/ensure chunk|__webpack_require__.e",
          "webpack/runtime/load script|__webpack_require__.l",
        ]),
      ],
      code: ['const Page = lazy(() => import("./{attr}"));'],
    },
  ],
};
