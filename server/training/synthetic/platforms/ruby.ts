import { snake } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

const gems = "/usr/local/bundle/gems";
const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => ({ filename: module, abs_path: `${gems}/${module}` }));

export const ruby: PlatformSpec = {
  platform: "ruby",
  sdk: { name: "sentry.ruby.rails", version: "5.22.0" },
  functionName: (words, _domain, _layer, rng) => snake(words) + (rng.chance(0.1) ? "!" : rng.chance(0.08) ? "?" : ""),
  appFrame: ({ company, domain, layer, fn, line, code }) => {
    const filename = `app/${layer}/${domain}_${layer.replace(/s$/, "")}.rb`;
    return {
      filename,
      abs_path: `/srv/${company}/${filename}`,
      function: fn,
      lineno: line,
      context_line: code,
      in_app: true,
    };
  },
  callCode: [
    "result = {callee}({arg})",
    "{callee}({arg}, current_user)",
    "@{arg} = {callee}(params[:id])",
    "return {callee}({arg}) if {arg}.present?",
  ],
  entries: [
    lib([
      "actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb|send_action|super.tap { default_render unless performed? }",
      "actionpack-7.1.3/lib/abstract_controller/base.rb|process_action|send_action(method_name, *args)",
      "actionpack-7.1.3/lib/action_controller/metal/rescue.rb|process_action|super",
    ]),
    lib([
      "sidekiq-7.2.0/lib/sidekiq/processor.rb|execute_job|instance.perform(*args)",
      'sidekiq-7.2.0/lib/sidekiq/processor.rb|process|execute_job(inst, job_hash["args"])',
    ]),
    [],
  ],
  wrappers: ["block in call", "block (2 levels) in perform", "around_action", "with_lock", "transaction"],
  failures: [
    {
      type: "NoMethodError",
      messages: ["undefined method `{attr}' for nil", "undefined method `{attr}' for nil:NilClass"],
      tails: [[]],
      code: ["total = order.{attr}.amount", "@{attr}.each do |item|"],
    },
    {
      type: "ActiveRecord::RecordNotFound",
      messages: ["Couldn't find {model} with 'id'={n}"],
      tails: [
        lib([
          "activerecord-7.1.3/lib/active_record/core.rb|find|raise RecordNotFound.new(error_message, name, key, id)",
        ]),
      ],
      code: ["{model}.find(params[:id])", "@{attr} = {model}.find(id)"],
    },
    {
      type: "ActiveRecord::RecordNotUnique",
      messages: [
        'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_{table}_on_{col}"',
      ],
      tails: [
        lib([
          'activerecord-7.1.3/lib/active_record/persistence.rb|save!|create_or_update(**options, &block) || raise(RecordNotSaved.new("Failed to save the record", self))',
          "activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb|exec_insert|execute_and_clear(sql, name, binds)",
        ]),
      ],
      code: ["record.save!", "{model}.create!(attrs)"],
    },
    {
      type: "Net::ReadTimeout",
      messages: ["Net::ReadTimeout with #<TCPSocket:(closed)>"],
      tails: [
        lib([
          "faraday-2.9.0/lib/faraday/adapter/net_http.rb|perform_request|http_response = http.request(create_request(env))",
          "net-protocol-0.2.2/lib/net/protocol.rb|rbuf_fill|raise Net::ReadTimeout, @io",
        ]),
      ],
      code: ['response = connection.post("{path}", payload.to_json)', '@client.get("{path}")'],
    },
    {
      type: "KeyError",
      messages: ["key not found: :{key}"],
      tails: [[]],
      code: ["value = options.fetch(:{key})", 'ENV.fetch("{key}")'],
    },
    {
      type: "JSON::ParserError",
      messages: ["unexpected token at '{word}'"],
      tails: [lib(["json-2.7.1/lib/json/common.rb|parse|Parser.new(source, **opts).parse"])],
      code: ["data = JSON.parse(response.body)"],
    },
    {
      type: "ArgumentError",
      messages: ["wrong number of arguments (given {len}, expected {len})", 'invalid value for Integer(): "{word}"'],
      tails: [[]],
      code: ["Integer(params[:limit])", "build(attrs, options, extra)"],
    },
  ],
};
