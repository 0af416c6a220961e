package dev.picket;

import dev.picket.cli.PicketCommand;
import picocli.CommandLine;

/** Entry point of {@code picket.jar}: the CLI, whose {@code serve} command runs the server. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(PicketCommand.commandLine().execute(args));
  }
}
