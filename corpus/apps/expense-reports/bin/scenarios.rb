# frozen_string_literal: true

# Drives expense-reports through its entry points: the DRb service the web front end calls, the mail ingest
# thread with a retry, the nightly batch run and expensectl. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
require "drb/drb"
require "json"
require "socket"
require "uri"
require "tmpdir"
require_relative "../lib/expenses/service"

OCCURRENCES = 3
RNG = Random.new(Integer(ENV.fetch("CORPUS_SEED", "1")))
SentryLite.init(dsn: ENV.fetch("SENTRY_DSN"), release: ENV.fetch("CORPUS_RELEASE"))

def pick(*options) = options[RNG.rand(options.size)]
def date = format("2024-05-%02d", RNG.rand(1..28))

def receipt(overrides = {})
  { "id" => "R-#{RNG.rand(10_000..99_999)}", "category" => pick("hotel", "meals", "taxi"),
    "amount" => format("%d.%02d", RNG.rand(5..120), RNG.rand(0..99)), "currency" => pick("EUR", "USD"), "date" => date }.merge(overrides)
end

def report(overrides = {})
  { "employee" => pick("jon", "mia", "sam"), "country" => pick("DE", "FR"), "nights" => RNG.rand(1..4), "days" => RNG.rand(1..5),
    "receipts" => [receipt, receipt], "trips" => [{ "km" => RNG.rand(10..300).to_s }] }.merge(overrides)
end

ROOT_CAUSES = [
  ["policy-yaml-tab-indent", -> { report("policy" => "limits:\n\thotel: 140\n\tmeals: #{RNG.rand(30..50)}\n") }],
  ["policy-yaml-symbol-keys", -> { report("policy" => "limits:\n  :hotel: 140\n  :meals: #{RNG.rand(30..50)}\n") }],
  ["receipt-amount-comma", -> { report("receipts" => [receipt, receipt("amount" => format("%d,%02d", RNG.rand(5..99), RNG.rand(0..99)))]) }],
  ["mileage-km-comma", -> { report("trips" => [{ "km" => format("%d,%d", RNG.rand(10..300), RNG.rand(1..9)) }]) }],
  ["category-without-limit", -> { report("receipts" => [receipt("category" => pick("coworking", "parking", "training"))]) }],
  ["manager-left-company", -> { report("employee" => "kai") }],
  ["receipt-without-date", -> { report("receipts" => [receipt, receipt("date" => nil)]) }],
  ["detailed-template-currency", -> { report("template" => "detailed") }],
  ["per-diem-zero-days", -> { report("days" => 0) }],
  ["receipt-currency-unsupported", -> { report("receipts" => [receipt("currency" => pick("JPY", "SEK", "PLN"))]) }],
  ["receipt-submitted-twice", lambda {
    duplicate = receipt
    report("receipts" => [duplicate, receipt, duplicate])
  }]
].freeze

# The service runs in its own process, as it does behind the web front end.
probe = TCPServer.new("127.0.0.1", 0)
uri = "druby://127.0.0.1:#{probe.addr[1]}"
probe.close
server_pid = fork do
  DRb.start_service(uri, Expenses::Service.new)
  DRb.thread.join
end
DRb.start_service
service = DRbObject.new_with_uri(uri)
50.times do
  begin
    TCPSocket.new("127.0.0.1", URI(uri.sub("druby", "http")).port).close
    break
  rescue Errno::ECONNREFUSED
    sleep 0.1
  end
end
mail = Expenses::MailIngest.new
nightly = []
script = []
workdir = Dir.mktmpdir("expensectl-")

cases = 0
ROOT_CAUSES.each do |name, payload|
  { "drb submit" => ->(trace, json) { service.submit(json, trace) },
    "mail ingest" => ->(trace, json) { mail.deliver(json, trace) },
    "nightly run" => ->(trace, json) { nightly << [json, trace] },
    "cli submit" => lambda { |trace, json|
      path = File.join(workdir, "report-#{script.size}.json")
      File.write(path, json)
      script << "#{trace}\t#{path}"
    } }.each do |entry, run|
    OCCURRENCES.times do |n|
      run.call("#{name}|#{entry}|#{n}", JSON.generate(payload.call))
      cases += 1
    end
  end
end
mail.close
Expenses::NightlyRun.new.run(nightly)
DRb.stop_service
Process.kill("TERM", server_pid)
Process.wait(server_pid)
File.write(File.join(workdir, "script.tsv"), script.join("\n") + "\n")
system(RbConfig.ruby, "bin/expensectl", "--script", File.join(workdir, "script.tsv"), exception: true, out: File::NULL)
puts "CORPUS_CASES #{cases}"
