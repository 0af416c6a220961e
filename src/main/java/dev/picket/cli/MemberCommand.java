package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket member add}. */
@Command(name = "member", description = "Manage organization members.", subcommands = MemberCommand.Add.class)
final class MemberCommand {
  @Command(name = "add", description = "Add a user to an organization, or change their role.")
  static final class Add implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--org", required = true)
    String org;

    @Option(names = "--user", required = true, description = "the user's email")
    String user;

    @Option(names = "--role", required = true, description = "member, admin, manager or owner")
    String role;

    @Override
    public void run() {
      Admin.run(options, admin -> {
        admin.addMember(org, user, role);
        return null;
      });
      System.out.println(user + " is now " + role + " of " + org);
    }
  }
}
