# frozen_string_literal: true

require "json"
require "socket"

module Clinic
  # A small HTTP/1.1 server on TCPServer: one thread, one request per connection, JSON bodies.
  class HttpServer
    ROUTES = {
      "/appointments" => "book", "/patients" => "register", "/bills" => "bill",
      "/imports" => "import", "/reminders" => "remind"
    }.freeze

    def initialize(app)
      @app = app
      @server = TCPServer.new("127.0.0.1", 0)
    end

    def port = @server.addr[1]

    def start
      @thread = Thread.new { loop { serve(@server.accept) } }
      self
    end

    private

    def serve(socket)
      request_line = socket.gets
      headers = {}
      while (line = socket.gets) && line != "\r\n"
        name, value = line.split(": ", 2)
        headers[name.downcase] = value.strip
      end
      body = socket.read(headers.fetch("content-length", "0").to_i)
      status, text = dispatch(request_line.split[1], headers, body)
      socket.write("HTTP/1.1 #{status} OK\r\nContent-Length: #{text.bytesize}\r\nConnection: close\r\n\r\n#{text}")
    ensure
      socket.close
    end

    # The error-reporting middleware: tags the request, reports what the handler raises, answers 500.
    def dispatch(path, headers, body)
      SentryLite.set_tags("corpus_case" => headers["x-corpus-case"])
      return batch(JSON.parse(body)) if path == "/appointments/batch"

      [200, JSON.generate(@app.perform(ROUTES.fetch(path), JSON.parse(body)))]
    rescue StandardError => e
      SentryLite.capture_exception(e)
      [500, '{"error":"internal"}']
    ensure
      SentryLite.clear_tags
    end

    def batch(items)
      failed = items.count do |item|
        SentryLite.set_tags("corpus_case" => item["trace"])
        @app.perform("book", item.fetch("appointment"))
        false
      rescue StandardError => e
        SentryLite.capture_exception(e)
        true
      end
      [200, JSON.generate(failed: failed)]
    end
  end
end
