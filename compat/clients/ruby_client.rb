# sentry-ruby 5: send the compat exception and message events described by compat/spec.json.
# Env: SENTRY_DSN, COMPAT_SPEC. Prints one JSON line {sdk, version, error_id, message_id} on stdout.
require "json"
require "logger"
require "sentry-ruby"

SDK = "ruby"
SPEC = JSON.parse(File.read(ENV.fetch("COMPAT_SPEC")).gsub("{sdk}", SDK))

Sentry.init do |config|
  config.dsn = ENV.fetch("SENTRY_DSN")
  config.release = SPEC["release"]
  config.environment = SPEC["environment"]
  # Local variables: include_local_variables since 5.9; 5.3 calls it capture_exception_frame_locals
  # (a TracePoint on :raise; the locals land on the raising frame).
  if config.respond_to?(:include_local_variables=)
    config.include_local_variables = true
  else
    config.capture_exception_frame_locals = true
  end
  # No background worker: each capture is sent synchronously (5.3 has no Sentry.close).
  config.background_worker_threads = 0
  config.logger = Logger.new($stderr)
  config.logger.level = ENV["COMPAT_DEBUG"] == "1" ? Logger::DEBUG : Logger::WARN
end
Sentry.set_tags(SPEC["tags"])
Sentry.set_user(SPEC["user"].transform_keys(&:to_sym))
SPEC["breadcrumbs"].each do |crumb|
  Sentry.add_breadcrumb(Sentry::Breadcrumb.new(**crumb.transform_keys(&:to_sym)))
end

def compat_fail(compat_local_number)
  compat_local_text = SPEC["local_text"]
  begin
    raise ArgumentError, SPEC["cause_message"]
  rescue ArgumentError
    # `raise` inside rescue sets the new exception's #cause.
    raise RuntimeError, SPEC["error_message"] if compat_local_text && compat_local_number
  end
end

error_event =
  begin
    compat_fail(SPEC["local_number"])
  rescue RuntimeError => e
    Sentry.capture_exception(e)
  end
message_event = Sentry.capture_message(SPEC["message"], level: SPEC["message_level"].to_sym)
abort "the SDK dropped an event before sending it" if error_event.nil? || message_event.nil?
puts JSON.generate(sdk: SDK, version: Sentry::VERSION, error_id: error_event.event_id,
                   message_id: message_event.event_id)
