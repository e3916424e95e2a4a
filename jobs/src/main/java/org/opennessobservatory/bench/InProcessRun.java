package org.opennessobservatory.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.opennessobservatory.cli.Observatory;

/** One {@code observatory} command run in this JVM, its console captured and its wall time taken. */
record InProcessRun(int exit, String out, String err, double seconds) {
  static InProcessRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Observatory.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    long t0 = System.nanoTime();
    int exit = cli.execute(args);
    return new InProcessRun(exit, out.toString(), err.toString(), (System.nanoTime() - t0) / 1e9);
  }
}
