# Send one exception event and one message event with sentry-raven 3 (the legacy Ruby client),
# print their ids. The DSN comes from SENTRY_DSN. raven-ruby sends synchronously by default
# (config.async is unset), with its default encoding: a base64(zlib(JSON)) body.
require "logger"
require "raven"

failures = []
Raven.configure do |config|
  config.dsn = ENV.fetch("SENTRY_DSN")
  config.release = "sdk-smoke@1.0.0"
  config.current_environment = "sdk-smoke"
  config.tags = { client: "ruby-raven" }
  config.logger = Logger.new($stderr)
  config.logger.level = ENV["SMOKE_DEBUG"] == "1" ? Logger::DEBUG : Logger::WARN
  config.transport_failure_callback = ->(event) { failures << event }
end
warn "version #{Raven::VERSION}"

def divide(a, b)
  a / b
end

error_event =
  begin
    divide(1, 0)
  rescue ZeroDivisionError => e
    Raven.capture_exception(e)
  end
message_event = Raven.capture_message("sdk-smoke message from ruby-raven", level: "info")

warn "#{failures.size} event(s) failed to send" unless failures.empty?
[error_event, message_event].each do |event|
  abort "the client dropped an event before sending it" unless event
  puts event.id
end
