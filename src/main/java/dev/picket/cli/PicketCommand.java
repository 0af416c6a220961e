package dev.picket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Results go to stdout, logs and errors to stderr; exit 0 ok, 1 error, 2 usage. */
@Command(name = "picket", mixinStandardHelpOptions = true, version = "picket 0.1.0",
    description = "A self-hosted, Sentry-compatible error tracker.",
    subcommands = {ServeCommand.class, CreateUserCommand.class, TokenCommand.class,
        ApiKeyCommand.class, OrgTokenCommand.class, OrgCommand.class, ProjectCommand.class, MemberCommand.class, KeyCommand.class})
public final class PicketCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. 'serve'");
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PicketCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + e.getMessage());
      return 1;
    });
    return cli;
  }
}
