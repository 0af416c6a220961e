package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket apikey create}: prints a new legacy organization API key as the last line. */
@Command(name = "apikey", description = "Manage legacy organization API keys.",
    subcommands = ApiKeyCommand.Create.class)
final class ApiKeyCommand {
  @Command(name = "create", description = "Create an API key (HTTP Basic); the key is the last line.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--org", required = true)
    String org;

    @Option(names = "--scopes", required = true)
    String scopes;

    @Override
    public void run() {
      String key = Admin.run(options, admin -> admin.createApiKey(org, scopes));
      System.out.println("API key created for organization " + org + " (shown once):");
      System.out.println(key);
    }
  }
}
