package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket org create}. */
@Command(name = "org", description = "Manage organizations.", subcommands = OrgCommand.Create.class)
final class OrgCommand {
  @Command(name = "create", description = "Create an organization and its default team.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--slug", required = true)
    String slug;

    @Option(names = "--name")
    String name;

    @Override
    public void run() {
      var org = Admin.run(options, admin -> admin.createOrganization(slug, name));
      System.out.println("Organization created: " + org.slug());
    }
  }
}
