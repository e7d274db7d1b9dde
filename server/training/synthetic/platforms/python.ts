import { snake } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

const site = "/usr/local/lib/python3.11/site-packages";
const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => {
    const file = `${module.replace(/\./g, "/")}.py`;
    const stdlib = !module.includes(".") || /^(json|http|concurrent|asyncio|socket|ssl)\b/.test(module);
    return { module, filename: file, abs_path: stdlib ? `/usr/local/lib/python3.11/${file}` : `${site}/${file}` };
  });

const requestsGet = lib([
  'requests.api|get|return request("get", url, params=params, **kwargs)',
  "requests.api|request|return session.request(method=method, url=url, **kwargs)",
  "requests.sessions|request|resp = self.send(prep, **send_kwargs)",
  "requests.sessions|send|r = adapter.send(request, **kwargs)",
  "requests.adapters|send|raise ReadTimeout(e, request=request)",
]);

export const python: PlatformSpec = {
  platform: "python",
  sdk: { name: "sentry.python", version: "2.19.2" },
  functionName: (words, _domain, _layer, rng) => (rng.chance(0.15) ? "_" : "") + snake(words),
  appFrame: ({ company, pkg, domain, layer, fn, line, code }) => {
    const pyModule = `${pkg}.${domain}.${layer}`;
    const filename = `${pkg}/${domain}/${layer}.py`;
    return {
      filename,
      abs_path: `/srv/${company}/src/${filename}`,
      module: pyModule,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "result = {callee}(request, {arg})",
    "return {callee}({arg})",
    "{arg} = {callee}({arg}, timeout=timeout)",
    "data = {callee}(self.{arg})",
    "{callee}({arg}, force=True)",
    "response = {callee}(payload={arg})",
  ],
  entries: [
    lib([
      "django.core.handlers.exception|inner|response = get_response(request)",
      "django.core.handlers.base|_get_response|response = wrapped_callback(request, *callback_args, **callback_kwargs)",
      "django.views.decorators.csrf|_view_wrapper|return view_func(request, *args, **kwargs)",
      "django.views.generic.base|view|return self.dispatch(request, *args, **kwargs)",
      "rest_framework.views|dispatch|response = handler(request, *args, **kwargs)",
    ]),
    lib([
      "celery.app.trace|trace_task|R = retval = fun(*args, **kwargs)",
      "celery.app.trace|__protected_call__|return self.run(*args, **kwargs)",
    ]),
    lib([
      "flask.app|wsgi_app|response = self.full_dispatch_request()",
      "flask.app|full_dispatch_request|rv = self.dispatch_request()",
      "flask.app|dispatch_request|return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)",
    ]),
    lib(["concurrent.futures.thread|run|result = self.fn(*self.args, **self.kwargs)"]),
    [],
  ],
  wrappers: ["wrapper", "inner", "_wrapped", "wrapped_f", "decorated", "__call__", "retry_wrapper", "instrumented"],
  failures: [
    {
      type: "ReadTimeoutError",
      module: "urllib3.exceptions",
      messages: ["HTTPConnectionPool(host='{host}', port={port}): Read timed out. (read timeout={secs})"],
      tails: [
        lib([
          "urllib3.connectionpool|urlopen|retries = retries.increment(",
          "urllib3.util.retry|increment|raise reraise(type(error), error, _stacktrace)",
          "urllib3.util.util|reraise|raise value",
          "urllib3.connectionpool|urlopen|response = self._make_request(",
          "urllib3.connectionpool|_make_request|self._raise_timeout(err=e, url=url, timeout_value=read_timeout)",
          "urllib3.connectionpool|_raise_timeout|raise ReadTimeoutError(",
        ]),
        lib([
          "urllib3.connectionpool|urlopen|response = self._make_request(",
          "urllib3.connectionpool|_raise_timeout|raise ReadTimeoutError(",
        ]),
      ],
      code: [
        'response = self.pool.urlopen("POST", path, body=body, headers=headers)',
        "return connection_pool.urlopen(method, url, body=body)",
      ],
    },
    {
      type: "ConnectionError",
      module: "requests.exceptions",
      messages: [
        "HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: {path} (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))",
      ],
      tails: [
        requestsGet.slice(0, 4).concat(lib(["requests.adapters|send|raise ConnectionError(e, request=request)"])),
      ],
      code: ["resp = requests.get(url, timeout=self.timeout)", "response = requests.post(self.endpoint, json=payload)"],
    },
    {
      type: "OperationalError",
      module: "django.db.utils",
      messages: [
        "canceling statement due to statement timeout",
        'could not connect to server: Connection refused\n\tIs the server running on host "{host}" and accepting TCP/IP connections on port 5432?',
      ],
      tails: [
        lib([
          "django.db.models.query|__iter__|self._fetch_all()",
          "django.db.models.query|_fetch_all|self._result_cache = list(self._iterable_class(self))",
          "django.db.models.sql.compiler|execute_sql|cursor.execute(sql, params)",
          "django.db.backends.utils|execute|return self._execute_with_wrappers(",
          "django.db.backends.utils|_execute|return self.cursor.execute(sql, params)",
        ]),
      ],
      code: ["for row in {model}.objects.filter(project_id=project_id):", "items = list(queryset)"],
    },
    {
      type: "IntegrityError",
      module: "django.db.utils",
      messages: [
        'duplicate key value violates unique constraint "{table}_{col}_key"\nDETAIL:  Key ({col})=({n}) already exists.',
      ],
      tails: [
        lib([
          "django.db.models.base|save|self.save_base(",
          "django.db.models.base|save_base|updated = self._save_table(",
          "django.db.models.base|_do_insert|return manager._insert(",
          "django.db.backends.utils|_execute|return self.cursor.execute(sql, params)",
        ]),
      ],
      code: ["instance.save()", "obj = {model}.objects.create(**fields)"],
    },
    {
      type: "KeyError",
      messages: ["'{key}'"],
      tails: [[]],
      code: ['value = payload["{key}"]', "return self.cache[{key}]", 'options = config["{key}"]["enabled"]'],
    },
    {
      type: "AttributeError",
      messages: ["'NoneType' object has no attribute '{attr}'"],
      tails: [[]],
      code: ["return obj.{attr}", "if user.{attr}.is_active:", "name = self.project.{attr}"],
    },
    {
      type: "TypeError",
      messages: [
        "unsupported operand type(s) for +: 'int' and 'NoneType'",
        "{fn}() missing 1 required positional argument: '{key}'",
      ],
      tails: [[]],
      code: ["total = count + extra", "return {fn}(self.{attr})"],
    },
    {
      type: "ValueError",
      messages: [
        "invalid literal for int() with base 10: '{word}'",
        "not enough values to unpack (expected 2, got {len})",
      ],
      tails: [[]],
      code: ['limit = int(params.get("limit"))', 'key, value = line.split("=")'],
    },
    {
      type: "JSONDecodeError",
      module: "json.decoder",
      messages: ["Expecting value: line 1 column 1 (char 0)", "Expecting ',' delimiter: line 1 column {n} (char {n})"],
      tails: [
        lib([
          "json|loads|return _default_decoder.decode(s)",
          "json.decoder|decode|obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
          'json.decoder|raw_decode|raise JSONDecodeError("Expecting value", s, err.value) from None',
        ]),
      ],
      code: ["data = json.loads(response.content)", "return json.loads(raw)"],
    },
    {
      type: "DoesNotExist",
      messages: ["{model} matching query does not exist."],
      tails: [
        lib([
          "django.db.models.manager|manager_method|return getattr(self.get_queryset(), name)(*args, **kwargs)",
          "django.db.models.query|get|raise self.model.DoesNotExist(",
        ]),
      ],
      code: ["{model}.objects.get(id={key})", "return {model}.objects.get(slug=slug)"],
    },
    {
      type: "ConnectionError",
      module: "redis.exceptions",
      messages: ["Error 111 connecting to {host}:6379. Connection refused."],
      tails: [
        lib([
          'redis.commands.core|get|return self.execute_command("GET", name)',
          "redis.client|execute_command|return conn.retry.call_with_retry(",
          "redis.connection|connect|raise ConnectionError(self._error_message(e))",
        ]),
      ],
      code: ["cached = self.redis.get(key)", "return cache.get(cache_key)"],
    },
  ],
};
