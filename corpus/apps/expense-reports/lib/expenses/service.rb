# frozen_string_literal: true

require "drb/drb"
require "json"
require_relative "../../../../capture/ruby/sentry_lite"
require_relative "errors"
require_relative "processor"

module Expenses
  DEFAULT_POLICY = <<~YAML
    limits:
      hotel: 140
      meals: 45
      travel: 400
      taxi: 60
    per_diem:
      DE: 28.0
      FR: 32.0
      CH: 45.0
  YAML

  # The expense service the web front end calls over DRb.
  class Service
    def initialize(processor = Processor.new(DEFAULT_POLICY))
      @processor = processor
    end

    def submit(json, trace)
      SentryLite.set_tags("corpus_case" => trace)
      @processor.process(JSON.parse(json)).to_json
    rescue StandardError => e
      SentryLite.capture_exception(e)
      nil
    ensure
      SentryLite.clear_tags
    end
  end

  # Reports arriving by e-mail are processed on a background thread and retried once.
  class MailIngest
    def initialize(processor = Processor.new(DEFAULT_POLICY))
      @processor = processor
      @inbox = Queue.new
      @thread = Thread.new { drain_inbox }
    end

    def deliver(json, trace) = @inbox << [json, trace]

    def close
      @inbox << nil
      @thread.join
    end

    private

    def drain_inbox
      while (mail = @inbox.pop)
        json, trace = mail
        SentryLite.set_tags("corpus_case" => trace)
        ingest(json)
        SentryLite.clear_tags
      end
    end

    def ingest(json)
      tries = 0
      begin
        tries += 1
        @processor.process(JSON.parse(json))
      rescue StandardError => e
        retry if tries < 2
        raise IngestFailed, "mail ingest gave up after #{tries} tries: #{e.class}"
      end
    rescue IngestFailed => e
      SentryLite.capture_exception(e)
    end
  end

  # The nightly run re-processes the day's reports; each failure is reported and the run goes on.
  class NightlyRun
    def initialize(processor = Processor.new(DEFAULT_POLICY))
      @processor = processor
    end

    def run(batch)
      batch.lazy.map { |json, trace| [JSON.parse(json), trace] }.each do |data, trace|
        SentryLite.set_tags("corpus_case" => trace)
        @processor.process(data)
      rescue StandardError => e
        SentryLite.capture_exception(e)
      ensure
        SentryLite.clear_tags
      end
    end
  end
end
