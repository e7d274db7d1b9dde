# frozen_string_literal: true

# Drives clinic-scheduler through its entry points: the HTTP API and its batch route, the job worker with
# retries, and clinicctl. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
require "json"
require "net/http"
require "tmpdir"
require_relative "../lib/clinic/app"
require_relative "../lib/clinic/http_server"
require_relative "../lib/clinic/jobs"

OCCURRENCES = 3
RNG = Random.new(Integer(ENV.fetch("CORPUS_SEED", "1")))
SentryLite.init(dsn: ENV.fetch("SENTRY_DSN"), release: ENV.fetch("CORPUS_RELEASE"))

def day = format("%02d.03.2024", RNG.rand(1..28))
def pick(*options) = options[RNG.rand(options.size)]

def appointment(overrides = {})
  { "practitioner" => "dr-weber", "room" => "r1", "day" => day, "slot" => pick("08:00", "09:00", "10:00"),
    "patient" => "P-#{RNG.rand(1000..9999)}" }.merge(overrides)
end

def visits(copays) = copays.map { |copay| { "date" => day, "copay_cents" => copay } }

ROOT_CAUSES = [
  ["appointment-day-format", "book", -> { appointment("day" => pick("2024-03-0#{RNG.rand(1..9)}", "03/#{RNG.rand(10..28)}/2024")) }],
  ["slot-time-format", "book", -> { appointment("slot" => pick("9h30", "half past nine", "9.30")) }],
  ["practitioner-unknown", "book", -> { appointment("practitioner" => pick("dr-lang", "dr-weber-jr", "locum")) }],
  ["room-unknown", "book", -> { appointment("room" => pick("r3", "lab", "R1")) }],
  ["double-booking", "book", lambda {
    a = appointment
    a.merge("held" => [a["practitioner"], a["day"], a["slot"]])
  }],
  ["duration-as-text", "book", -> { appointment("practitioner" => "dr-okafor", "slot" => pick("13:00", "14:00"), "minutes" => pick("45", "30", "60")) }],
  ["birth-date-format", "register", lambda {
    { "name" => "Patient #{RNG.rand(100..999)}", "born" => pick("1984-05-02", "5/2/1984", "2. Mai 1984"),
      "referral" => { "gp" => "Dr. Roth", "reason" => "check-up", "icd10" => "Z00.0" } }
  }],
  ["referral-without-icd10", "register", lambda {
    { "name" => "Patient #{RNG.rand(100..999)}", "born" => "02.05.1984", "referral" => { "gp" => "Dr. Roth", "reason" => "knee pain" } }
  }],
  ["insurer-unknown", "bill", -> { { "insurer" => pick("BARMER", "DAK", "HUK"), "visits" => visits([1000, 0]) } }],
  ["copay-all-exempt", "bill", -> { { "insurer" => "AOK", "visits" => visits([0] * RNG.rand(1..3)) } }],
  ["labs-json-truncated", "import", lambda {
    full = JSON.generate("results" => Array.new(3) { |i| { "test" => "HbA1c", "value" => 5.4 + i } })
    { "kind" => "labs", "text" => full[0, RNG.rand(20..40)] }
  }],
  ["patients-csv-stray-quote", "import", lambda {
    { "kind" => "patients", "text" => "name;born\nAnna Berg;01.02.1970\nJan \"Bo;0#{RNG.rand(1..9)}.03.1981\n" }
  }],
  ["unsigned-reminder", "remind", -> { { "language" => pick("de", "en"), "day" => day, "slot" => "09:00", "sign" => true } }]
].freeze

app = Clinic::App.new
server = Clinic::HttpServer.new(app).start
jobs = Clinic::Jobs.new(app)
workdir = Dir.mktmpdir("clinicctl-")
script = []

hold = lambda do |payload|
  payload = payload.dup
  app.scheduler.hold(*payload.delete("held")) if payload["held"]
  payload
end
post = lambda do |path, trace, body|
  request = Net::HTTP::Post.new(path, "Content-Type" => "application/json")
  request["X-Corpus-Case"] = trace if trace
  request.body = JSON.generate(body)
  Net::HTTP.start("127.0.0.1", server.port) { |http| http.request(request) }
end
path_of = { "book" => "/appointments", "register" => "/patients", "bill" => "/bills", "import" => "/imports", "remind" => "/reminders" }

ENTRY_POINTS = {
  "http" => ->(op, trace, payload) { post.call(path_of.fetch(op), trace, hold.call(payload)) },
  "batch" => ->(_op, trace, payload) { post.call("/appointments/batch", nil, [{ "trace" => trace, "appointment" => hold.call(payload) }]) },
  "job" => ->(op, trace, payload) { jobs.enqueue(op, hold.call(payload), trace) },
  "cli" => lambda do |op, trace, payload|
    file = File.join(workdir, "input-#{script.size}.json")
    File.write(file, JSON.generate(payload))
    script << [trace, op, file].join("\t")
  end
}.freeze

cases = 0
ROOT_CAUSES.each do |name, op, payload|
  entries = op == "book" ? %w[http batch job cli] : %w[http job cli]
  entries.each do |entry|
    label = entry == "http" ? "POST #{path_of[op]}" : entry == "batch" ? "POST /appointments/batch" : "#{entry} #{op}"
    OCCURRENCES.times do |n|
      ENTRY_POINTS.fetch(entry).call(op, "#{name}|#{label}|#{n}", payload.call)
      cases += 1
    end
  end
end
jobs.drain
File.write(File.join(workdir, "script.tsv"), script.join("\n") + "\n")
system(RbConfig.ruby, "bin/clinicctl", "--script", File.join(workdir, "script.tsv"), exception: true, out: $stderr)
puts "CORPUS_CASES #{cases}"
