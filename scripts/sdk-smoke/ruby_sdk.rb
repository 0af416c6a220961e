# Send one exception event and one message event with sentry-ruby 5, print their ids.
# The DSN comes from SENTRY_DSN.
require "logger"
require "sentry-ruby"

Sentry.init do |config|
  config.dsn = ENV.fetch("SENTRY_DSN")
  config.release = "sdk-smoke@1.0.0"
  config.environment = "sdk-smoke"
  # No background worker: each capture sends synchronously, so every event is delivered
  # (or its failure logged) before capture_* returns. sentry-ruby 5.3 has no Sentry.close.
  config.background_worker_threads = 0
  config.logger = Logger.new($stderr)
  config.logger.level = ENV["SMOKE_DEBUG"] == "1" ? Logger::DEBUG : Logger::WARN
end
Sentry.set_tags(client: "ruby-sdk")
warn "version #{Sentry::VERSION}"

def divide(a, b)
  a / b
end

error_event =
  begin
    divide(1, 0)
  rescue ZeroDivisionError => e
    Sentry.capture_exception(e)
  end
message_event = Sentry.capture_message("sdk-smoke message from ruby-sdk", level: :info)

[error_event, message_event].each do |event|
  abort "the SDK dropped an event before sending it" if event.nil?
  puts event.event_id
end
