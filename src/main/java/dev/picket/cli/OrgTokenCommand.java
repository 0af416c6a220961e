package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket orgtoken create}: prints a new organization auth token as the last line. */
@Command(name = "orgtoken", description = "Manage organization auth tokens (sntrys_…, for CI and sentry-cli).",
    subcommands = OrgTokenCommand.Create.class)
final class OrgTokenCommand {
  @Command(name = "create",
      description = "Create an organization auth token (scopes org:ci, project:releases); the token is the last line.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--org", required = true)
    String org;

    @Option(names = "--name", defaultValue = "CLI token")
    String name;

    @Override
    public void run() {
      String token = Admin.run(options, admin -> admin.createOrgToken(org, name));
      System.out.println("Organization auth token created for " + org + " (shown once):");
      System.out.println(token);
    }
  }
}
