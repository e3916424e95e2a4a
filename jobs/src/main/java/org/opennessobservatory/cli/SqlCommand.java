package org.opennessobservatory.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.query.OutputViews;
import org.opennessobservatory.query.QueryRunner;
import org.opennessobservatory.query.ResultFile;
import org.opennessobservatory.query.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Spark SQL over the datasets of an output root, each a view named after its folder. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a Spark SQL query over the datasets of an output root (each one a view named after its "
        + "folder: documents, utterances, openness_index …; forum and year are columns) and print the result as a "
        + "table, or write it to a CSV or Parquet file.")
final class SqlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SparkOptions sparkOptions;

  @Parameters(index = "0", paramLabel = "QUERY",
      description = "The query, e.g. \"SELECT doc_type, count(*) FROM documents GROUP BY doc_type\".")
  String query;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output root of a run.")
  String out;

  @Option(names = "--to", paramLabel = "FILE",
      description = "Write every row of the result to FILE instead: CSV with a header (FILE.csv) or Parquet "
          + "(FILE.parquet). Refused if FILE exists.")
  String to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "Rows printed on the console (default: ${DEFAULT-VALUE}); --to writes them all.")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UserException("--limit " + limit + ": give 1 or more rows");
    }
    if (to != null) {
      ResultFile.format(to); // a wrong extension fails before Spark starts
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create("observatory-sql", sparkOptions);
    try {
      List<String> views = OutputViews.register(spark, out);
      Dataset<Row> result = QueryRunner.sql(spark, query, views, out);
      PrintWriter console = spec.commandLine().getOut();
      if (to != null) {
        QueryRunner.write(result, to, views, out);
        console.printf("wrote %s%n", to);
      } else {
        QueryRunner.Preview p = QueryRunner.preview(result, limit, views, out);
        console.print(TextTable.format(p.columns(), p.numeric(), p.rows()));
        console.println(p.more()
            ? "(first " + limit + " rows; more follow: raise --limit, or write them all with --to FILE.csv)"
            : "(" + p.rows().size() + (p.rows().size() == 1 ? " row)" : " rows)"));
      }
      console.flush();
      return 0;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }
}
