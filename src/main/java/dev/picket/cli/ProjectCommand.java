package dev.picket.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code picket project create}: prints the new project's DSN as the last line. */
@Command(name = "project", description = "Manage projects.", subcommands = ProjectCommand.Create.class)
final class ProjectCommand {
  @Command(name = "create", description = "Create a project with a DSN key; the DSN is the last line.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;

    @Option(names = "--org", required = true)
    String org;

    @Option(names = "--slug", required = true)
    String slug;

    @Option(names = "--name")
    String name;

    @Override
    public void run() {
      String dsn = Admin.run(options, admin -> admin.dsn(admin.createProject(org, slug, name)));
      System.out.println("Project created: " + org + "/" + slug);
      System.out.println(dsn);
    }
  }
}
