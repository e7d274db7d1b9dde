import { camel, pascal } from "../names";
import { capitalize, libraryFrames, type PlatformSpec } from "./spec";

const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => {
    const file = `/var/www/vendor/${module.replace(/\\/g, "/")}.php`;
    return { filename: file.replace("/var/www/", ""), abs_path: file };
  });

export const php: PlatformSpec = {
  platform: "php",
  sdk: { name: "sentry.php.laravel", version: "4.10.0" },
  functionName: (words, domain, layer) =>
    `App\\${capitalize(domain)}\\${pascal([domain.replace(/s$/, ""), layer.replace(/s$/, "")])}::${camel(words)}`,
  appFrame: ({ company, domain, layer, fn, line, code }) => {
    const filename = `app/${capitalize(domain)}/${pascal([domain.replace(/s$/, ""), layer.replace(/s$/, "")])}.php`;
    return {
      filename,
      abs_path: `/var/www/${company}/${filename}`,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "$result = $this->{callee}(${arg});",
    "return $this->{callee}($request->{arg});",
    "${arg} = {callee}(${arg}, $options);",
  ],
  entries: [
    lib([
      "laravel/framework/src/Illuminate/Pipeline/Pipeline|Illuminate\\Pipeline\\Pipeline::Illuminate\\Pipeline\\{closure}|return $pipe($passable, $stack);",
      "laravel/framework/src/Illuminate/Routing/Route|Illuminate\\Routing\\Route::run|return $this->runController();",
      "laravel/framework/src/Illuminate/Routing/ControllerDispatcher|Illuminate\\Routing\\ControllerDispatcher::dispatch|return $controller->{$method}(...array_values($parameters));",
    ]),
    lib([
      "laravel/framework/src/Illuminate/Queue/Worker|Illuminate\\Queue\\Worker::process|$job->fire();",
      "laravel/framework/src/Illuminate/Queue/Jobs/Job|Illuminate\\Queue\\Jobs\\Job::fire|$this->instance->{$method}($this, $payload['data']);",
    ]),
  ],
  wrappers: [
    "Illuminate\\Support\\helpers::retry",
    "App\\Http\\Middleware\\Authenticate::handle",
    "Illuminate\\Database\\Connection::transaction",
  ],
  failures: [
    {
      type: "TypeError",
      messages: ["App\\Services\\{model}Service::find(): Argument #1 ($id) must be of type int, null given"],
      tails: [[]],
      code: ["return $this->service->find($request->input('{key}'));"],
    },
    {
      type: "ErrorException",
      messages: ['Undefined array key "{key}"', 'Attempt to read property "{attr}" on null'],
      tails: [[]],
      code: ["$value = $payload['{key}'];", "return $order->{attr}->total;"],
    },
    {
      type: "Illuminate\\Database\\QueryException",
      messages: ["SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{n}' for key '{table}.{col}'"],
      tails: [
        lib([
          "laravel/framework/src/Illuminate/Database/Connection|Illuminate\\Database\\Connection::insert|return $this->statement($query, $bindings);",
          "laravel/framework/src/Illuminate/Database/Connection|Illuminate\\Database\\Connection::runQueryCallback|throw new QueryException(",
        ]),
      ],
      code: ["{model}::create($attributes);", "$record->save();"],
    },
    {
      type: "GuzzleHttp\\Exception\\ConnectException",
      messages: [
        "cURL error 28: Operation timed out after {ms} milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://{host}{path}",
      ],
      tails: [
        lib([
          "guzzlehttp/guzzle/src/Client|GuzzleHttp\\Client::request|return $this->requestAsync($method, $uri, $options)->wait();",
          "guzzlehttp/guzzle/src/Handler/CurlFactory|GuzzleHttp\\Handler\\CurlFactory::createRejection|return P\\Create::rejectionFor(",
        ]),
      ],
      code: ["$response = $this->http->post('{path}', ['json' => $payload]);"],
    },
    {
      type: "Illuminate\\Database\\Eloquent\\ModelNotFoundException",
      messages: ["No query results for model [App\\Models\\{model}] {n}"],
      tails: [
        lib([
          "laravel/framework/src/Illuminate/Database/Eloquent/Builder|Illuminate\\Database\\Eloquent\\Builder::findOrFail|throw (new ModelNotFoundException)->setModel(",
        ]),
      ],
      code: ["${attr} = {model}::findOrFail($id);"],
    },
    {
      type: "Error",
      messages: ["Call to a member function {fn}() on null"],
      tails: [[]],
      code: ["return $this->{attr}->{fn}();"],
    },
  ],
};
