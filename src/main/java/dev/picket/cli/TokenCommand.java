package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket token create}: prints a new user auth token as the last line. */
@Command(name = "token", description = "Manage user auth tokens.", subcommands = TokenCommand.Create.class)
final class TokenCommand {
  @Command(name = "create", description = "Create a user auth token; the token is the last line.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--user", required = true, description = "the user's email")
    String user;

    @Option(names = "--scopes", required = true, description = "comma-separated, e.g. project:read,event:read")
    String scopes;

    @Override
    public void run() {
      String token = Admin.run(options, admin -> admin.createToken(user, scopes));
      System.out.println("Token created for " + user + " (shown once):");
      System.out.println(token);
    }
  }
}
