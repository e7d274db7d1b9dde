# frozen_string_literal: true

# A capture layer that builds events the way sentry-ruby 5.x does and sends them as envelopes: the exception and
# its causes oldest first (ExceptionCauseChain reversed), frames oldest first, in_app when the file matches
# "^(project_root/)?(bin|exe|app|config|lib|test|spec)", filename relative to the project root (in-app) or to the
# longest $LOAD_PATH entry, three lines of context read with IO.readlines (newlines kept), function = the label.
require "json"
require "net/http"
require "securerandom"
require "set"
require "socket"
require "time"
require "uri"

module SentryLite
  SDK = { name: "sentry.ruby", version: "5.17.3" }.freeze
  APP_DIRS_PATTERN = /(bin|exe|app|config|lib|test|spec)/
  LINE_FORMAT = /^\s*(?:[a-zA-Z]:|uri:classloader:)?([^:]+|<.*>):(\d+)(?::in\s('|`)(?:([\w:]+)\#)?([^']+)')?$/
  CONTEXT_LINES = 3

  class << self
    attr_reader :release

    def init(dsn:, release:, project_root: Dir.pwd)
      uri = URI(dsn)
      @endpoint = URI("#{uri.scheme}://#{uri.host}:#{uri.port}/api#{uri.path}/envelope/")
      @key = uri.user
      @release = release
      @project_root = project_root
      @in_app_pattern = Regexp.new("^(#{project_root}/)?#{APP_DIRS_PATTERN}")
      @lines = {}
      @mutex = Mutex.new
    end

    def tags
      Thread.current[:sentry_lite_tags] ||= {}
    end

    def set_tags(new_tags)
      tags.merge!(new_tags)
    end

    def clear_tags
      tags.clear
    end

    def capture_exception(exception)
      event_id = SecureRandom.uuid.delete("-")
      event = {
        event_id: event_id, level: "error", timestamp: Time.now.utc.iso8601(6), platform: "ruby",
        release: @release, environment: "production", server_name: Socket.gethostname, sdk: SDK,
        tags: tags.dup, extra: {}, user: {}, breadcrumbs: { values: [] },
        contexts: { os: { name: RbConfig::CONFIG["host_os"] }, runtime: { name: "ruby", version: RUBY_DESCRIPTION } },
        exception: { values: exception_values(exception) }
      }
      send_envelope(event_id, event)
    end

    private

    def exception_values(exception)
      chain = []
      seen = Set.new
      current = exception
      while current && !seen.include?(current.object_id)
        seen << current.object_id
        chain << current
        current = current.cause
      end
      seen_backtraces = Set.new
      chain.reverse.map do |error|
        value = {
          type: error.class.to_s, value: error.message.to_s,
          module: error.class.to_s.split("::")[0...-1].join("::"),
          thread_id: Thread.current.object_id,
          mechanism: { type: "generic", handled: true }
        }
        if error.backtrace && seen_backtraces.add?(error.backtrace.object_id)
          value[:stacktrace] = { frames: frames(error.backtrace) }
        end
        value
      end
    end

    def frames(backtrace)
      backtrace.map { |line| LINE_FORMAT.match(line) }.compact.reverse.map do |match|
        _, file, number, _, module_name, method = match.to_a
        lineno = number.to_i
        in_app = @in_app_pattern.match?(file)
        frame = { abs_path: file, function: method, lineno: lineno, in_app: in_app, filename: filename_of(file, in_app) }
        frame[:module] = module_name if module_name
        pre, line, post = context(file, lineno)
        frame[:pre_context] = pre if pre && !pre.empty?
        frame[:context_line] = line if line && !line.empty?
        frame[:post_context] = post if post && !post.empty?
        frame
      end
    end

    def filename_of(file, in_app)
      under_root = file.start_with?(@project_root)
      prefix = if under_root && in_app then @project_root
               elsif under_root then longest_load_path(file) || @project_root
               else longest_load_path(file)
               end
      prefix ? file[prefix.to_s.chomp(File::SEPARATOR).length + 1..] : file
    end

    def longest_load_path(file)
      $LOAD_PATH.select { |path| file.start_with?(path.to_s) }.max_by(&:size)
    end

    def context(file, lineno)
      lines = (@lines[file] ||= (IO.readlines(file) rescue :missing))
      return [nil, nil, nil] if lines == :missing

      window = Array.new(2 * CONTEXT_LINES + 1) { |i| (n = lineno - CONTEXT_LINES + i) < 1 ? nil : lines[n - 1] }
      [window[0...CONTEXT_LINES], window[CONTEXT_LINES], window[(CONTEXT_LINES + 1)..]]
    end

    def send_envelope(event_id, event)
      payload = JSON.generate(event)
      header = JSON.generate(event_id: event_id, sent_at: Time.now.utc.iso8601(6), sdk: SDK)
      body = "#{header}\n#{JSON.generate(type: 'event', content_type: 'application/json')}\n#{payload}\n"
      request = Net::HTTP::Post.new(@endpoint)
      request["Content-Type"] = "application/x-sentry-envelope"
      request["X-Sentry-Auth"] = "Sentry sentry_version=7, sentry_client=sentry-ruby/#{SDK[:version]}, sentry_key=#{@key}"
      request.body = body
      @mutex.synchronize do
        response = Net::HTTP.start(@endpoint.host, @endpoint.port) { |http| http.request(request) }
        raise "capture server said #{response.code}" unless response.code == "200"
      end
    end
  end
end
