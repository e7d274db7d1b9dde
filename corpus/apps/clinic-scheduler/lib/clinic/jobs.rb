# frozen_string_literal: true

require_relative "errors"

module Clinic
  # Background jobs on a worker thread, retried, reported once they have failed for good.
  class Jobs
    ATTEMPTS = 2

    def initialize(app)
      @app = app
      @queue = Queue.new
      @worker = Thread.new { work }
    end

    def enqueue(operation, payload, trace)
      @queue << [operation, payload, trace]
    end

    def drain
      @queue << :stop
      @worker.join
    end

    private

    def work
      while (job = @queue.pop) != :stop
        operation, payload, trace = job
        SentryLite.set_tags("corpus_case" => trace)
        run(operation, payload)
        SentryLite.clear_tags
      end
    end

    def run(operation, payload)
      with_retries(operation) { @app.perform(operation, payload) }
    rescue JobFailed => e
      SentryLite.capture_exception(e)
    end

    def with_retries(operation)
      attempt = 0
      begin
        attempt += 1
        yield
      rescue StandardError
        retry if attempt < ATTEMPTS
        raise JobFailed, "job #{operation} failed after #{ATTEMPTS} attempts"
      end
    end
  end
end
