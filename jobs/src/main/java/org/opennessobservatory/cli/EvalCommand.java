package org.opennessobservatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.influence.InfluenceEval;
import org.opennessobservatory.mapping.IssueEval;
import org.opennessobservatory.recommendations.RecommendationEval;
import org.opennessobservatory.transcripts.GoldSet;
import org.opennessobservatory.transcripts.SegmentationScore;
import org.opennessobservatory.transcripts.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Quality of a stage against a hand-made gold set. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalCommand.Segmentation.class,
    EvalCommand.Issues.class, EvalCommand.Recommendations.class, EvalCommand.Influence.class},
    description = "Measure a stage's output against a gold set written by hand.")
final class EvalCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name what to evaluate, e.g. 'eval segmentation'");
  }

  @Command(name = "segmentation", mixinStandardHelpOptions = true,
      description = "Turn precision and recall, speaker-name exact match, role accuracy and unknown-turn recall of "
          + "the transcript segmenter on a gold set (NAME.txt + NAME.turns.tsv).")
  static final class Segmentation implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The gold set folder.")
    Path gold;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String row = "%-42s %5s %5s %9s %7s %6s %6s %8s%n";
      // read first: a gold set that cannot be read is one line saying why, not a table header and then the line
      List<GoldSet.Item> items = GoldSet.read(gold);
      out.printf(row, "transcript", "gold", "found", "precision", "recall", "names", "roles", "unknown");
      SegmentationScore total = new SegmentationScore(0, 0, 0, 0, 0, 0, 0);
      for (GoldSet.Item item : items) {
        SegmentationScore s = SegmentationScore.of(item.turns(), Segmenter.segment(item.text()).turns());
        print(out, row, item.name(), s);
        total = total.plus(s);
      }
      print(out, row, "ALL", total);
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, String row, String name, SegmentationScore s) {
      out.printf(row, name.length() > 42 ? name.substring(0, 42) : name, s.gold(), s.predicted(),
          String.format("%.3f", s.precision()), String.format("%.3f", s.recall()),
          String.format("%.3f", s.nameAccuracy()), String.format("%.3f", s.roleAccuracy()),
          String.format("%.3f", s.unknownRecall()));
    }
  }

  @Command(name = "issues", mixinStandardHelpOptions = true,
      description = "Issue precision and recall of stage issues on hand-labelled utterances (every .tsv file of the "
          + "gold set folder), per issue, overall and per file; the taxonomy's terms and the classifier each alone; "
          + "with --second-labels, the agreement of two labellers; then every false positive and miss.")
  static final class Issues implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The gold set folder.")
    Path gold;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy to evaluate instead of the shipped one.")
    String taxonomy;

    @Option(names = "--issue-examples", paramLabel = "FILE|none", description = "Labelled sentences to train the "
        + "classifier on instead of the shipped reference/issue-examples.tsv; none evaluates the taxonomy's terms "
        + "alone.")
    String issueExamples;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The corpus folder that a gold file of labelled "
        + "corpus sentences (columns id, source, sha256, expected, note) refers to.")
    Path corpus;

    @Option(names = "--second-labels", paramLabel = "DIR", description = "A second labeller's labels of gold "
        + "utterances (every .tsv file of DIR, columns id, expected, note): prints how far the two labellers agree "
        + "(per issue, F1 and Cohen's kappa) and the matcher against each and on the pairs both agree on.")
    Path secondLabels;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      IssueEval.report(gold, taxonomy, issueExamples, corpus, secondLabels).forEach(out::println);
      out.flush();
      return 0;
    }
  }

  /** An evaluation over the outputs of a run: a Spark session for the report, stopped whatever happens if its own. */
  abstract static class OverRun implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output root of a run.")
    String out;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "The gold set folder.")
    Path gold;

    abstract List<String> report(SparkSession spark);

    @Override
    public Integer call() {
      PrintWriter printer = spec.commandLine().getOut();
      // A session this command did not start (a host JVM's, as in the tests) is left running, as `sql` does.
      boolean ownSession = SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = SparkSessions.create("observatory-eval", sparkOptions);
      try {
        report(spark).forEach(printer::println);
      } finally {
        if (ownSession) {
          spark.stop();
        }
      }
      printer.flush();
      return 0;
    }
  }

  @Command(name = "recommendations", mixinStandardHelpOptions = true,
      description = "Status agreement and evidence precision at the top 3 of stage track, over the outputs of a run "
          + "(--out) against a gold set (status.csv, relevant.csv).")
  static final class Recommendations extends OverRun {
    @Override
    List<String> report(SparkSession spark) {
      return RecommendationEval.report(spark, out, gold);
    }
  }

  @Command(name = "influence", mixinStandardHelpOptions = true,
      description = "Passage precision and recall of stage influence over the outputs of a run (--out) against "
          + "hand-listed reused passages (passages.csv).")
  static final class Influence extends OverRun {
    @Override
    List<String> report(SparkSession spark) {
      return InfluenceEval.report(spark, out, gold);
    }
  }
}
