import { camel } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

const lib = (specs: string[]) =>
  libraryFrames(specs, (module) =>
    module.startsWith("node:")
      ? { filename: module, abs_path: module, module: module.replace(/^node:/, "").replace(/\//g, ":") }
      : {
          filename: `/srv/app/node_modules/${module}`,
          abs_path: `/srv/app/node_modules/${module}`,
          module: module.replace(/\.js$/, "").replace(/\//g, "."),
        },
  );

export const node: PlatformSpec = {
  platform: "node",
  sdk: { name: "sentry.javascript.node", version: "8.42.0" },
  functionName: (words, _domain, _layer, rng) =>
    rng.chance(0.2) ? `${camel(words.slice(0, 1))}.${camel(words.slice(1))}` : camel(words),
  appFrame: ({ domain, layer, fn, line, code }) => {
    const filename = `/srv/app/src/${domain}/${layer}.js`;
    return {
      filename,
      abs_path: filename,
      module: `${domain}:${layer}`,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "const result = await {callee}(req.params.{arg});",
    "return {callee}({arg}, ctx);",
    "await {callee}({arg});",
    "const {arg} = await {callee}(job.data);",
  ],
  entries: [
    lib([
      "express/lib/router/layer.js|Layer.handle [as handle_request]|fn(req, res, next);",
      "express/lib/router/route.js|next|layer.handle_request(req, res, next);",
      "express/lib/router/route.js|Route.dispatch|next();",
    ]),
    lib(["node:internal/process/task_queues|process.processTicksAndRejections"]),
    lib([
      "bullmq/dist/cjs/classes/worker.js|Worker.processJob|const result = await this.callProcessJob(job, token);",
      "bullmq/dist/cjs/classes/worker.js|Worker.callProcessJob|return this.processFn(job, token);",
    ]),
    [],
  ],
  wrappers: ["asyncHandler", "wrapper", "runInContext", "withTransaction", "middleware", "callback"],
  failures: [
    {
      type: "Error",
      messages: ["connect ECONNREFUSED {ip}:{port}"],
      tails: [lib(["node:net|TCPConnectWrap.afterConnect [as oncomplete]"])],
      code: ["await this.client.connect();", "const conn = await pool.connect();"],
    },
    {
      type: "AxiosError",
      messages: ["timeout of {ms}ms exceeded", "Request failed with status code {code}"],
      tails: [
        lib([
          "axios/dist/node/axios.cjs|Axios.request|throw err;",
          "axios/dist/node/axios.cjs|RedirectableRequest.handleRequestTimeout|reject(new AxiosError(",
        ]),
      ],
      code: ["const { data } = await http.get(`{path}`);", "return axios.post(url, body, { timeout });"],
    },
    {
      type: "TypeError",
      messages: ["Cannot read properties of undefined (reading '{attr}')"],
      tails: [[]],
      code: ["const id = req.body.{attr}.id;", "return record.{attr}.toString();"],
    },
    {
      type: "PrismaClientKnownRequestError",
      messages: [
        "\nInvalid `prisma.{table}.create()` invocation:\n\nUnique constraint failed on the fields: (`{col}`)",
      ],
      tails: [
        lib([
          "@prisma/client/runtime/library.js|ei.handleRequestError|throw new PrismaClientKnownRequestError(",
          "@prisma/client/runtime/library.js|ei.request|return await this.handleRequestError(",
        ]),
      ],
      code: ["await prisma.{table}.create({ data });", "return db.{table}.create({ data: input });"],
    },
    {
      type: "DatabaseError",
      messages: [
        'duplicate key value violates unique constraint "{table}_{col}_key"',
        "canceling statement due to statement timeout",
      ],
      tails: [
        lib([
          "pg/lib/client.js|Client._handleErrorMessage|activeQuery.handleError(msg, this.connection)",
          "pg-protocol/dist/parser.js|Parser.parseErrorMessage|const message = name === 'notice' ? new NoticeMessage(length, messageValue) : new DatabaseError(messageValue, length, name)",
        ]),
      ],
      code: [
        "const { rows } = await pool.query(sql, params);",
        'await client.query("INSERT INTO {table} VALUES ($1, $2)", [id, value]);',
      ],
    },
    {
      type: "SyntaxError",
      messages: ["Unexpected token u in JSON at position 0", "Unexpected end of JSON input"],
      tails: [[]],
      code: ["const payload = JSON.parse(message.value);", "return JSON.parse(cached);"],
    },
    {
      type: "Error",
      messages: ["ENOENT: no such file or directory, open '/srv/app/{path}.json'"],
      tails: [lib(["node:fs|Object.openSync", "node:fs|Object.readFileSync"])],
      code: ['const raw = fs.readFileSync(file, "utf8");'],
    },
  ],
};
