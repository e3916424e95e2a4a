package org.opennessobservatory.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.opennessobservatory.cli.Observatory;

/** Runs the observatory command line in this JVM, capturing what it prints and its exit code. */
public final class CliRunner {
  private CliRunner() {}

  public record Run(int exit, String out, String err) {}

  public static Run observatory(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Observatory.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
