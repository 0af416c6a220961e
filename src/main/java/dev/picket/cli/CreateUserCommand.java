package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket createuser}: as Sentry's {@code sentry createuser}. */
@Command(name = "createuser", description = "Create a user (a superuser owns the default organization).")
final class CreateUserCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(names = "--email", required = true)
  String email;

  @Option(names = "--password", required = true)
  String password;

  @Option(names = "--superuser", description = "make the user an owner of the default organization")
  boolean superuser;

  @Override
  public void run() {
    var user = Admin.run(options, admin -> admin.createUser(email, password, superuser));
    System.out.println("User created: " + user.email() + (user.superuser() ? " (superuser)" : ""));
  }
}
