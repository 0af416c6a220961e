package dev.picket.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket key rate-limit}: Sentry's per-key {@code rateLimit {window, count}}. */
@Command(name = "key", description = "Manage DSN keys.", subcommands = KeyCommand.RateLimit.class)
final class KeyCommand {
  @Command(name = "rate-limit", description = "Limit a DSN key to COUNT events per WINDOW seconds.")
  static final class RateLimit implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--key", required = true, description = "the key's public part (from the DSN)")
    String key;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
      @ArgGroup(exclusive = false)
      Limit limit;

      @Option(names = "--clear", description = "remove the limit")
      boolean clear;
    }

    static final class Limit {
      @Option(names = "--window", required = true, description = "seconds")
      int window;

      @Option(names = "--count", required = true, description = "events per window")
      int count;
    }

    @Override
    public void run() {
      Integer window = choice.clear ? null : choice.limit.window;
      Integer count = choice.clear ? null : choice.limit.count;
      var updated = Admin.run(options, admin -> admin.setKeyRateLimit(key, window, count));
      System.out.println(updated.rateLimit() == null ? "Key " + key + " is unlimited"
          : "Key " + key + " is limited to " + count + " events per " + window + " s");
    }
  }
}
