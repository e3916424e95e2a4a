package org.opennessobservatory.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.query.OutputComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Two output roots, dataset by dataset: the check behind "a cluster run equals a local one" and the like. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare the datasets of two local output roots row for row, regardless of order and file "
        + "layout; print one line per dataset. Exit 0 when all are the same, 1 when any differs.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SparkOptions sparkOptions;

  @Parameters(index = "0", paramLabel = "OUT_A", description = "An output root.")
  Path a;

  @Parameters(index = "1", paramLabel = "OUT_B", description = "Another output root.")
  Path b;

  @Override
  public Integer call() {
    for (Path root : new Path[] {a, b}) {
      if (!Files.isDirectory(root)) {
        throw new UserException(root + " is not a folder: give the output roots of two runs");
      }
    }
    if (sparkOptions.master == null) {
      sparkOptions.master = "local[*]";
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create("observatory-compare", sparkOptions);
    try {
      PrintWriter out = spec.commandLine().getOut();
      boolean same = true;
      for (OutputComparison.DatasetComparison c : OutputComparison.compareRoots(spark, a, b)) {
        same &= c.same();
        out.printf("%-26s %s%n", c.name(), c.outcome());
      }
      out.flush();
      return same ? 0 : 1;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }
}
