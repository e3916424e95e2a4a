package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Assertions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.io.HadoopConf;
import org.opennessobservatory.testing.SparkTestBase;

/** The stage's Dataset functions on hand-made records: duplicates, rejects, accounting, partitioning. */
class IngestStageTest extends SparkTestBase {
  private Dataset<Row> settled() {
    return IngestStage.settleDuplicates(records());
  }

  private Dataset<Row> records() {
    StructType schema = IngestRecords.schema();
    List<Row> rows = new ArrayList<>();
    rows.add(parsed("igf/2023/a.txt", "aaaa", schema));
    rows.add(parsed("igf/2023/copy-of-a.txt", "aaaa", schema));
    rows.add(parsed("igf/2023/b.txt", "bbbb", schema));
    rows.add(new IngestRecords.Builder().set("path", "file:/c/igf/2023/c.pdf").set("rel_path", "igf/2023/c.pdf")
        .set("size_bytes", 10L).set("doc_id", "cccc").set("forum", "igf").set("year", 2023)
        .set("reason", "corrupt").set("error_class", "org.apache.tika.exception.TikaException")
        .set("message", "bad xref").build(schema));
    return spark().createDataFrame(rows, schema);
  }

  private static Row parsed(String rel, String docId, StructType schema) {
    return new IngestRecords.Builder().set("path", "file:/c/" + rel).set("rel_path", rel).set("size_bytes", 4L)
        .set("doc_id", docId).set("forum", "igf").set("year", 2023).set("text", "text").set("doc_type", "other")
        .build(schema);
  }

  @Test
  void keepsTheFirstOfIdenticalFilesAndRejectsTheOthersAsDuplicates() {
    Dataset<Row> documents = plain(IngestStage.documents(settled()).select("rel_path", "doc_id").orderBy("rel_path"));
    StructType docSchema = new StructType().add("rel_path", DataTypes.StringType).add("doc_id", DataTypes.StringType);
    assertDataFrameEquals(spark().createDataFrame(List.of(
        RowFactory.create("igf/2023/a.txt", "aaaa"),
        RowFactory.create("igf/2023/b.txt", "bbbb")), docSchema), documents);

    Dataset<Row> rejects = plain(IngestStage.rejects(settled())
        .select("rel_path", "reason", "duplicate_of", "error_class").orderBy("rel_path"));
    StructType rejectSchema = new StructType().add("rel_path", DataTypes.StringType)
        .add("reason", DataTypes.StringType).add("duplicate_of", DataTypes.StringType)
        .add("error_class", DataTypes.StringType);
    assertDataFrameEquals(spark().createDataFrame(List.of(
        RowFactory.create("igf/2023/c.pdf", "corrupt", null, "org.apache.tika.exception.TikaException"),
        RowFactory.create("igf/2023/copy-of-a.txt", "duplicate", "igf/2023/a.txt", null)), rejectSchema),
        rejects);
  }

  @Test
  void theListedCopyOfDuplicatesIsKeptEvenWhenItSortsLater() {
    StructType schema = IngestRecords.schema();
    Row unlisted = new IngestRecords.Builder().set("path", "file:/c/a-copy.pdf").set("rel_path", "a-copy.pdf")
        .set("size_bytes", 4L).set("doc_id", "aaaa").set("forum", "igf").set("metadata_source", "inferred")
        .build(schema);
    Row listed = new IngestRecords.Builder().set("path", "file:/c/a.pdf").set("rel_path", "a.pdf")
        .set("size_bytes", 4L).set("doc_id", "aaaa").set("forum", "igf").set("metadata_source", "manifest")
        .build(schema);
    Dataset<Row> settled = IngestStage.settleDuplicates(spark().createDataFrame(List.of(unlisted, listed), schema));
    assertEquals(List.of("a.pdf"), IngestStage.documents(settled).select("rel_path").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals("a.pdf", IngestStage.rejects(settled).first().getAs("duplicate_of"));
  }

  @Test
  void accountingFailsLoudlyWhenAFileIsMissingOrCountedTwice() {
    IngestJob.Counts counts = IngestJob.Counts.of(settled());
    assertEquals(4, counts.records());
    assertEquals(java.util.Map.of("other", 2L), counts.documentsByType());
    assertEquals(java.util.Map.of("corrupt", 1L, "duplicate", 1L), counts.rejectsByReason());
    assertEquals(0, counts.reused());
    List<IngestStage.InputFile> four = inputs("igf/2023/a.txt", "igf/2023/b.txt", "igf/2023/c.pdf",
        "igf/2023/copy-of-a.txt");
    assertEquals(four.stream().map(IngestStage.InputFile::relPath).sorted().toList(),
        settled().select("rel_path").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted()
            .toList(), "the fixture's paths");
    IngestJob.checkAccounting(4, 0, IngestJob.pathSum(four, List.of()), counts);
    IngestJob.checkAccounting(3, 1, IngestJob.pathSum(four.subList(0, 3), four.subList(3, 4)), counts);
    List<IngestStage.InputFile> five = new ArrayList<>(four);
    five.add(new IngestStage.InputFile("file:/c/e.txt", "igf/2023/e.txt", 1));
    IllegalStateException lost = assertThrows(IllegalStateException.class, () ->
        IngestJob.checkAccounting(4, 1, IngestJob.pathSum(four, five.subList(4, 5)), counts));
    Assertions.assertTrue(lost.getMessage().startsWith("ingest accounting broken: 4 listed files + 1 manifest rows "
        + "without a file, 4 records whose paths are not the inputs'"), lost.getMessage());
    // One record twice and another input lost: five records for five inputs, but not the same paths.
    IngestJob.Counts twice = IngestJob.Counts.of(settled().union(settled().limit(1)));
    assertEquals(5, twice.records());
    IllegalStateException doubled = assertThrows(IllegalStateException.class,
        () -> IngestJob.checkAccounting(5, 0, IngestJob.pathSum(five, List.of()), twice));
    Assertions.assertTrue(doubled.getMessage().contains("5 records whose paths are not the inputs'"),
        doubled.getMessage());
    // The fingerprint: SHA-256 of "rel_path TAB size TAB doc_id" summed modulo 2^256 (computed apart, with Python's
    // hashlib over the four lines), whatever the order.
    assertEquals("71dde8c82c3871d1337b384423bfed61afef907dd63251f2b0d1b94d68b307e4", counts.fingerprint());
    assertEquals(counts.fingerprint(), IngestJob.Counts.of(settled().orderBy(org.apache.spark.sql.functions.col(
        "rel_path").desc()).repartition(3)).fingerprint());
  }

  private static List<IngestStage.InputFile> inputs(String... relPaths) {
    return java.util.Arrays.stream(relPaths).map(p -> new IngestStage.InputFile("file:/c/" + p, p, 1)).toList();
  }

  @Test
  void filesAreDealtLargestFirstRoundRobinSoThatPartitionsHoldSimilarBytes() {
    List<IngestStage.InputFile> files = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      files.add(new IngestStage.InputFile("file:/c/f" + i, "f" + i, i * 1000L));
    }
    Dataset<Row> dealt = IngestStage.files(spark(), files);
    List<List<Row>> partitions = dealt.javaRDD().glom().collect();
    int n = partitions.size();
    assertEquals(4, n, "2 x the default parallelism of local[2], as 101 files make less than one full partition");
    // Sorted by size, largest first (f100 … f0), file k of that order goes to partition k mod n, in order.
    for (int p = 0; p < n; p++) {
      List<String> expected = new ArrayList<>();
      for (int k = p; k < 101; k += n) {
        expected.add("f" + (100 - k));
      }
      assertEquals(expected, partitions.get(p).stream().map(r -> r.getString(1)).toList(), "partition " + p);
    }
  }

  @Test
  void oneFileIsParsedAheadInOrderAndATaskEndedEarlyLeavesNoParseBehind(@TempDir Path corpus)
      throws Exception {
    List<Row> listed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // RTF, not plain text: plain text is parsed in the task's thread (see PlainText), never ahead in the worker.
      Path file = corpus.resolve("note-" + i + ".rtf");
      Files.writeString(file, "{\\rtf1\\ansi Remote hubs were listed in note " + i + ".\\par}");
      listed.add(RowFactory.create(file.toUri().toString(), file.getFileName().toString(), Files.size(file),
          null, null));
    }
    listed.add(2, RowFactory.create("file:/c/empty.txt", "empty.txt", 0L, null, null));
    Dataset<Row> onePartition = spark().createDataFrame(listed, IngestStage.FILES_SCHEMA).coalesce(1);
    ParseLimits limits = ParseLimits.DEFAULTS;
    HadoopConf conf = new HadoopConf(spark().sparkContext().hadoopConfiguration());

    List<Row> all = IngestStage.parse(onePartition, Map.of(), limits, conf).collectAsList();
    assertEquals(List.of("note-0.rtf", "note-1.rtf", "empty.txt", "note-2.rtf", "note-3.rtf"),
        all.stream().map(r -> r.<String>getAs("rel_path")).toList());
    assertNull(all.get(3).getAs(IngestRecords.REASON), () -> all.get(3).getAs(IngestRecords.MESSAGE));
    assertEquals("Remote hubs were listed in note 2.", all.get(3).<String>getAs("text").strip());
    assertEquals("empty", all.get(2).getAs(IngestRecords.REASON));

    // Taking one row leaves the second file sent to the worker with nobody to read its answer: the answer is
    // dropped when it comes, and the process serves the next parse (no process beside the shared one).
    assertEquals(1, IngestStage.parse(onePartition, Map.of(), limits, conf).limit(1).collectAsList().size());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (ParseWorkerPool.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(0, ParseWorkerPool.inFlight(), "parses left in flight");
    assertEquals(ParseWorkerPool.processes(), liveWorkers(), "parse worker processes outside the pool");
    assertEquals("Remote hubs were listed in note 1.", ParseWorkerPool.parse("again.rtf",
        Files.readAllBytes(corpus.resolve("note-1.rtf")), limits).text().strip());
  }

  /** Java processes this JVM started: only parse workers here (Linux cuts /proc command lines at 4 KiB). */
  private static long liveWorkers() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").equals(java)).count();
  }
}
