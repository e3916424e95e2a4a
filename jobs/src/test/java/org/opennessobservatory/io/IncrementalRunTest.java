package org.opennessobservatory.io;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.RunFiles;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * {@code --incremental} as a researcher uses it: the whole pipeline runs with --incremental over an earlier state of
 * the corpus (a year missing, one file since corrected, one since renamed), then again over the corpus as it is now.
 * Only the bytes parsed before under the same file name are reused (Tika takes the name as a hint of the type), the
 * corrected and the renamed file are parsed again; only the transcripts of the new year are segmented; only the
 * forum-years whose utterances and documents changed are matched for issues again, and only those whose processes
 * changed have their influence rebuilt; and every dataset equals the full demo run's over the same corpus.
 *
 * <p>Both runs cut the data into another number of shuffle partitions than the demo run (3 against 8), so the same
 * comparison shows that a run's rows, codebook and report (but for the run manifest's values) do not depend on how
 * the data is partitioned: a reproducibility test of its own would cost a third whole run of the pipeline.
 */
class IncrementalRunTest extends SparkTestBase {
  private static final Pattern REUSED = Pattern.compile("(\\d+) documents unchanged since an earlier run");
  private static final Pattern REUSED_TURNS = Pattern.compile("(\\d+) transcripts unchanged since an earlier run");
  private static final Pattern KEPT_FORUM_YEARS =
      Pattern.compile("(\\d+) forum-years unchanged since an earlier run, their mentions reused");
  private static final Pattern KEPT_INFLUENCE_YEARS =
      Pattern.compile("(\\d+) forum-years unchanged since an earlier run, their passages reused");
  private static final Pattern KEPT_UTTERANCE_YEARS =
      Pattern.compile("(\\d+) forum-years unchanged since an earlier run, their utterances reused");
  private static final Pattern REUSED_PROCESSES = Pattern.compile("(\\d+) processes unchanged since an earlier run");

  @Test
  void anIncrementalRunReusesOnlyUnchangedBytesAndEqualsAFullRun(@TempDir Path dir) throws IOException {
    Path samples = TestPaths.samples();
    Path earlier = dir.resolve("earlier");
    copyTree(samples, earlier);
    deleteTree(earlier.resolve("igf/2023"));
    Path corrected = earlier.resolve("ukigf/2022/ukigf-2022-contribution-open-rights-forum.txt");
    Files.writeString(corrected, "\nA sentence the publisher removed later.\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    // Published first as .html: the same bytes, which Tika then parsed as HTML.
    Path renamed = earlier.resolve("eurodig/2024/eurodig-2024-contribution-oslo-centre.txt");
    Files.move(renamed, renamed.resolveSibling("eurodig-2024-contribution-oslo-centre.html"));
    Path out = dir.resolve("out");

    String partitions = spark().conf().get("spark.sql.shuffle.partitions");
    CliRunner.Run first;
    CliRunner.Run second;
    try {
      first = CliRunner.observatory("run", "--incremental", "--corpus", earlier.toString(), "--out",
          out.toString(), "--conf", "spark.sql.shuffle.partitions=3");
    } finally {
      // A run sets it on the shared session; the rest of this test and later tests get back what they had.
      spark().conf().set("spark.sql.shuffle.partitions", partitions);
    }
    assertEquals(0, first.exit(), first.err());
    assertFalse(REUSED.matcher(first.out()).find(), "nothing to reuse on the first run: " + first.out());
    assertFalse(REUSED_TURNS.matcher(first.out()).find(), first.out());
    Set<String> segmentedBefore = transcriptTexts(spark().read().parquet(out.resolve("documents").toString()));
    Map<String, Set<String>> processesBefore = processes(spark().read().parquet(out.resolve("documents").toString()));
    Map<String, Set<String>> touchingBefore = touching(spark().read().parquet(out.resolve("documents").toString()));
    Set<String> parsedBefore = memoKeys(spark().read().parquet(out.resolve("documents").toString()));
    Map<String, List<String>> issueInputsBefore = issueInputs(out);
    Map<String, List<String>> utterancesBefore = utterances(out);
    String correctedId = spark().read().parquet(out.resolve("documents").toString())
        .filter(col("rel_path").equalTo("ukigf/2022/ukigf-2022-contribution-open-rights-forum.txt"))
        .select("doc_id").first().getString(0);

    try {
      second = CliRunner.observatory("run", "--incremental", "--corpus", samples.toString(), "--out",
          out.toString(), "--conf", "spark.sql.shuffle.partitions=3");
    } finally {
      spark().conf().set("spark.sql.shuffle.partitions", partitions);
    }
    assertEquals(0, second.exit(), second.err());

    // By hand: the records of this run (documents, and duplicates of one) whose bytes and name the first run parsed.
    Set<String> parsedNow = memoKeys(spark().read().parquet(out.resolve("documents").toString())
        .select("doc_id", "rel_path").union(spark().read().parquet(out.resolve("rejects").toString())
            .filter(col("reason").equalTo("duplicate")).select("doc_id", "rel_path")));
    long expected = parsedNow.stream().filter(parsedBefore::contains).count();
    assertFalse(parsedNow.stream().anyMatch(k -> k.startsWith(correctedId)),
        "the corrected file's earlier bytes are gone");
    String renamedKey = parsedNow.stream().filter(k -> k.endsWith(" eurodig-2024-contribution-oslo-centre.txt"))
        .findFirst().orElseThrow();
    Assertions.assertTrue(parsedBefore.contains(renamedKey.replace(".txt", ".html")), "the same bytes were parsed");
    assertFalse(parsedBefore.contains(renamedKey), "but under another name");
    Assertions.assertTrue(expected > 40 && expected < parsedNow.size() - 1, "the new year, the corrected and the "
        + "renamed file are parsed: " + expected + " of " + parsedNow.size());
    assertEquals(expected, summaryCount(REUSED, second.out()));

    // By hand: the transcripts now whose text the first run segmented (all but the new year's).
    Set<String> transcriptsNow = transcriptTexts(spark().read().parquet(out.resolve("documents").toString()));
    long unchanged = transcriptsNow.stream().filter(segmentedBefore::contains).count();
    Assertions.assertTrue(unchanged > 0 && unchanged < transcriptsNow.size(), unchanged + " of " + transcriptsNow);
    assertEquals(unchanged, summaryCount(REUSED_TURNS, second.out()));

    // By hand: the forum-years whose utterances are the first run's, compared row for row (their transcripts' texts
    // are: only transcripts of the new year were added); their utterances and coverage files are taken over.
    Map<String, List<String>> utterancesNow = utterances(out);
    long sameUtteranceYears = unchanged(utterancesNow, utterancesBefore);
    Assertions.assertTrue(sameUtteranceYears > 0 && sameUtteranceYears < utterancesNow.size(),
        sameUtteranceYears + " of " + utterancesNow.keySet());
    assertEquals(sameUtteranceYears, summaryCount(KEPT_UTTERANCE_YEARS, second.out()));

    // By hand: the processes now whose documents (ids and texts) are those the first run aligned; the manifest rows
    // of the files both runs read are the same.
    Map<String, Set<String>> processesNow = processes(spark().read().parquet(out.resolve("documents").toString()));
    long sameProcesses = unchanged(processesNow, processesBefore);
    Assertions.assertTrue(sameProcesses > 0 && sameProcesses < processesNow.size() - 1,
        sameProcesses + " of " + processesNow.keySet());
    assertEquals(sameProcesses, summaryCount(REUSED_PROCESSES, second.out()));
    // By hand: the forum-years whose processes (those with a document there) are the first run's, each with the
    // same documents; their passages, shares and clusters are taken over.
    Map<String, Set<String>> touchingNow = touching(spark().read().parquet(out.resolve("documents").toString()));
    long sameInfluenceYears = touchingNow.entrySet().stream()
        .filter(e -> e.getValue().equals(touchingBefore.get(e.getKey()))
            && e.getValue().stream().allMatch(p -> processesNow.get(p).equals(processesBefore.get(p))))
        .count();
    Assertions.assertTrue(sameInfluenceYears > 0 && sameInfluenceYears < touchingNow.size(),
        sameInfluenceYears + " of " + touchingNow.keySet());
    assertEquals(sameInfluenceYears, summaryCount(KEPT_INFLUENCE_YEARS, second.out()));

    // By hand: the forum-years whose rows stage issues reads (utterances and documents) are the same as the first
    // run's, compared row for row; their mentions and map files are taken over.
    Map<String, List<String>> issueInputsNow = issueInputs(out);
    long sameForumYears = unchanged(issueInputsNow, issueInputsBefore);
    Assertions.assertTrue(sameForumYears > 0 && sameForumYears < issueInputsNow.size(),
        sameForumYears + " of " + issueInputsNow.keySet());
    assertEquals(sameForumYears, summaryCount(KEPT_FORUM_YEARS, second.out()));

    assertEquals(17, OutputComparison.datasets(out).size(), OutputComparison.datasets(out).toString());
    assertEquals(List.of(), OutputComparison.differences(spark(), DemoRun.out(), out));
    RunFiles.assertSameCodebookAndReport(DemoRun.out(), out);
    // Per memo one settings folder; in it the first run's full generation and the second run's delta (what it added).
    for (String memo : List.of("parses", "transcript_turns", "issue_matches", "process_alignments")) {
      try (Stream<Path> configs = Files.list(out.resolve(Memo.DEFAULT_FOLDER).resolve(memo))) {
        List<Path> folders = configs.toList();
        assertEquals(1, folders.size(), folders.toString());
        try (Stream<Path> generations = Files.list(folders.get(0))) {
          assertEquals(List.of("delta", "full"), generations.map(g -> g.getFileName().toString())
              .map(n -> n.substring(n.lastIndexOf('.') + 1)).sorted().toList(), memo);
        }
      }
    }
    // The turns' delta holds the new year's transcripts only, one entry per turn.
    Path turns = out.resolve(Memo.DEFAULT_FOLDER).resolve("transcript_turns");
    try (Stream<Path> generations = Files.list(Files.list(turns).findFirst().orElseThrow())) {
      Path delta = generations.filter(g -> g.getFileName().toString().endsWith(".delta")).findFirst().orElseThrow();
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> entries = spark().read().parquet(delta.toString());
      Set<String> added = entries.select(Memo.KEY).distinct().collectAsList().stream().map(r -> r.getString(0))
          .collect(Collectors.toSet());
      Set<String> expectedAdded = new java.util.HashSet<>(transcriptsNow);
      expectedAdded.removeAll(segmentedBefore);
      assertEquals(expectedAdded, added);
      long newTurns = spark().read().parquet(out.resolve("utterances").toString())
          .join(spark().read().parquet(out.resolve("documents").toString())
              .filter(functions.sha2(col("text"), 256).isin(expectedAdded.toArray())).select("doc_id"), "doc_id")
          .count();
      assertEquals(newTurns, entries.count());
    }
    // The alignments' delta: one entry per process aligned again.
    Path alignments = out.resolve(Memo.DEFAULT_FOLDER).resolve("process_alignments");
    try (Stream<Path> generations = Files.list(Files.list(alignments).findFirst().orElseThrow())) {
      Path delta = generations.filter(g -> g.getFileName().toString().endsWith(".delta")).findFirst().orElseThrow();
      assertEquals(processesNow.size() - sameProcesses, spark().read().parquet(delta.toString()).count());
    }
    assertFalse(OutputComparison.datasets(out).contains(Memo.DEFAULT_FOLDER), "the store is not a dataset");
  }

  /** The number a summary line gives by {@code pattern} (its first group), which must be there. */
  private static long summaryCount(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    Assertions.assertTrue(m.find(), out);
    return Long.parseLong(m.group(1));
  }

  /** How many keys of {@code now} map to what they mapped to {@code before}. */
  private static <V> long unchanged(Map<String, V> now, Map<String, V> before) {
    return now.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
  }

  /** Per forum-year, the utterance rows, every column, sorted. */
  private Map<String, List<String>> utterances(Path out) {
    Map<String, List<String>> rows = new java.util.TreeMap<>();
    for (org.apache.spark.sql.Row r : spark().read().parquet(out.resolve("utterances").toString()).collectAsList()) {
      rows.computeIfAbsent(r.getAs("forum") + "/" + r.getAs("year"), k -> new java.util.ArrayList<>())
          .add(r.toString());
    }
    rows.values().forEach(java.util.Collections::sort);
    return rows;
  }

  /** Per forum-year, the rows of the columns stage issues reads of utterances and documents, sorted. */
  private Map<String, List<String>> issueInputs(Path out) {
    Map<String, List<String>> rows = new java.util.TreeMap<>();
    for (org.apache.spark.sql.Row r : spark().read().parquet(out.resolve("utterances").toString())
        .select("forum", "year", "doc_id", "turn_index", "session_id", "person_id", "stakeholder_group", "words",
            "text").collectAsList()) {
      rows.computeIfAbsent(r.get(0) + "/" + r.get(1), k -> new java.util.ArrayList<>()).add("u " + r);
    }
    for (org.apache.spark.sql.Row r : spark().read().parquet(out.resolve("documents").toString())
        .select("forum", "year", "doc_id", "doc_type", "session_id", "author_stakeholder_group", "words", "text")
        .collectAsList()) {
      rows.computeIfAbsent(r.get(0) + "/" + r.get(1), k -> new java.util.ArrayList<>()).add("d " + r);
    }
    rows.values().forEach(java.util.Collections::sort);
    return rows;
  }

  /** The SHA-256 of each transcript's text (the turns memo's key) among these documents. */
  private static Set<String> transcriptTexts(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> documents) {
    return documents.filter(col("doc_type").equalTo("transcript")).select(functions.sha2(col("text"), 256))
        .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
  }

  /** Stage influence's processes among these documents: per process id, its contributions' and outcomes' texts. */
  private static Map<String, Set<String>> processes(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> documents) {
    return documents.filter(col("doc_type").isin("contribution", "outcome"))
        .select(functions.coalesce(col("extra").getItem("process_id"), functions.concat_ws("/", col("forum"),
                functions.coalesce(col("year").cast("string"), functions.lit("unknown")))),
            functions.concat_ws(" ", col("doc_id"), functions.sha2(col("text"), 256)))
        .collectAsList().stream().collect(Collectors.groupingBy(r -> r.getString(0),
            Collectors.mapping(r -> r.getString(1), Collectors.toSet())));
  }

  /** Per forum-year, stage influence's processes with a document there. */
  private static Map<String, Set<String>> touching(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> documents) {
    return documents.filter(col("doc_type").isin("contribution", "outcome"))
        .select(functions.concat_ws("/", col("forum"), col("year").cast("string")),
            functions.coalesce(col("extra").getItem("process_id"), functions.concat_ws("/", col("forum"),
                functions.coalesce(col("year").cast("string"), functions.lit("unknown")))))
        .collectAsList().stream().collect(Collectors.groupingBy(r -> r.getString(0),
            Collectors.mapping(r -> r.getString(1), Collectors.toSet())));
  }

  /** The parse memo's keys of these rows, computed here from doc_id and rel_path: the SHA-256 and the file name. */
  private static Set<String> memoKeys(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> records) {
    return records.select("doc_id", "rel_path").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1).substring(r.getString(1).lastIndexOf('/') + 1))
        .collect(Collectors.toSet());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
