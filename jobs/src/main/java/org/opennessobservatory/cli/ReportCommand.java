package org.opennessobservatory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.report.ReportJob;
import org.opennessobservatory.report.ReportReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Stage report alone, over the output of an earlier run. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write (or rewrite) the HTML report of an existing run: OUT/report/index.html, one self-contained "
        + "page with its charts and evidence tables, from the run's datasets.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  SparkOptions sparkOptions;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output root of a run.")
  String out;

  @Override
  public Integer call() {
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create("observatory-report", sparkOptions);
    try {
      checkRun(spark);
      ReportJob.Summary s = ReportJob.run(spark, out, null);
      Summaries.printReport(spec.commandLine().getOut(), s);
      return 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** A folder without any of the datasets the report reads is not a run's output: say so rather than chart nothing. */
  private void checkRun(SparkSession spark) {
    Path root = new Path(out);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw new UserException("--out " + out + " does not exist: give the output root of a run");
      }
      for (String dataset : ReportReader.DATASETS) {
        if (fs.exists(new Path(root, dataset))) {
          return;
        }
      }
      throw new UserException("--out " + out + " holds none of the datasets the report reads ("
          + String.join(", ", ReportReader.DATASETS) + "): run 'observatory run --out " + out + "' first");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
