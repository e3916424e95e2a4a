package org.opennessobservatory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code observatory} command line: one subcommand per job. */
@Command(name = "observatory", mixinStandardHelpOptions = true, versionProvider = Observatory.Version.class,
    description = "Measures the openness of multistakeholder Internet-governance processes from their documents "
        + "and transcripts, with Apache Spark.",
    subcommands = {IngestCommand.class, RunCommand.class, DemoCommand.class,
        ImportNetmundialCommand.class, GenerateCommand.class, BenchCommand.class, EvalCommand.class,
        ReportCommand.class, CodebookCommand.class, SqlCommand.class, CompareCommand.class,
        CommandLine.HelpCommand.class})
public final class Observatory {
  /** Exit code of a usage error or a user error (bad arguments, missing input): the message says what to fix. */
  public static final int USAGE = 2;

  public static void main(String[] args) {
    // The JVM decodes file names with the locale's charset (bin/observatory picks a UTF-8 one; spark-submit does not).
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!names.equalsIgnoreCase("UTF-8")) {
      System.err.println("observatory: warning: file names are read as " + names + " (the locale's charset), so a "
          + "file whose name is not ASCII would be lost; run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Observatory());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UserException) {
        commandLine.getErr().println("observatory: " + e.getMessage());
        return USAGE;
      }
      throw e; // a bug: keep its stack trace; picocli prints it and exits 1
    });
    return cli;
  }

  /** Versions of the project and of the components whose behaviour shapes the outputs. */
  public static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = Observatory.class.getResourceAsStream("/observatory-version.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties v = versions();
      return new String[] {
          "observatory " + v.getProperty("version"),
          "Spark " + v.getProperty("spark.version") + ", Tika " + v.getProperty("tika.version") + ", OpenNLP "
              + v.getProperty("opennlp.version") + " (models " + v.getProperty("opennlp.models.version") + ")",
          "Java " + System.getProperty("java.version")};
    }
  }
}
