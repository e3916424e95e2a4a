package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.schema.SchemaConformance;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage issues on a small fixture whose map is computed by hand below. */
class IssuesStageTest extends SparkTestBase {
  @TempDir
  Path dir;

  private static final StructType UTTERANCES = new StructType()
      .add("doc_id", DataTypes.StringType).add("turn_index", DataTypes.IntegerType)
      .add("session_id", DataTypes.StringType).add("person_id", DataTypes.StringType)
      .add("stakeholder_group", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("words", DataTypes.LongType).add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType);
  private static final StructType DOCUMENTS = new StructType()
      .add("doc_id", DataTypes.StringType).add("doc_type", DataTypes.StringType)
      .add("session_id", DataTypes.StringType).add("author_stakeholder_group", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("words", DataTypes.LongType)
      .add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType);

  static Dataset<Row> utterances(SparkSession spark) {
    // words are given, not counted: the hand computation below uses them
    return spark.createDataFrame(List.of(
        RowFactory.create("d1", 0, "s1", "p1", "government", "Privacy matters to us.", 10L, "igf", 2023),
        RowFactory.create("d1", 1, "s1", "p2", "civil_society", "Privacy and data protection are human rights.",
            30L, "igf", 2023),
        RowFactory.create("d1", 2, "s1", "p1", "government", "Privacy again.", 20L, "igf", 2023),
        RowFactory.create("d2", 0, "s2", "p3", "civil_society", "We need privacy.", 40L, "igf", 2023),
        RowFactory.create("d2", 1, "s2", null, "unknown", "Good afternoon, privacy is key.", 100L, "igf", 2023),
        RowFactory.create("d2", 2, "s2", "p4", "government", "Thank you.", 5L, "igf", 2023),
        RowFactory.create("d4", 0, "s4", "p1", "government", "Privacy, privacy.", 50L, "eurodig", 2022)),
        UTTERANCES);
  }

  static Dataset<Row> documents(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("d1", "transcript", "s1", null, "Privacy. Privacy.", 200L, "igf", 2023),
        RowFactory.create("d2", "transcript", "s2", null, "Thank you.", 190L, "igf", 2023),
        RowFactory.create("d3", "contribution", null, "civil_society",
            "Net income rose; access to the room is on the left. Our gendering of chairs.", 11L, "igf", 2023),
        RowFactory.create("d4", "transcript", "s4", null, "Hello.", 50L, "eurodig", 2022)), DOCUMENTS);
  }

  private Dataset<Row> mentions() {
    IssueMatcher matcher = IssueMatcher.of(Taxonomy.shipped());
    return IssuesStage.mentions(IssuesStage.matched(spark(), utterances(spark()), documents(spark()), matcher),
        documents(spark()), matcher);
  }

  private Dataset<Row> mentions(Dataset<Row> stored) {
    IssueMatcher matcher = IssueMatcher.of(Taxonomy.shipped());
    return IssuesStage.mentions(IssuesStage.matched(spark(), utterances(spark()), documents(spark()), matcher,
        stored), documents(spark()), matcher);
  }

  private Dataset<Row> entries() {
    return IssuesStage.memoEntries(IssuesStage.matched(spark(), utterances(spark()), documents(spark()),
        IssueMatcher.of(Taxonomy.shipped()), null), "c");
  }

  private static Column ofDocument(String text, int part) {
    return functions.col(Memo.KEY).equalTo(functions.sha2(functions.lit(text), 256))
        .and(functions.col(IssuesStage.PART).equalTo(part));
  }

  /** Stored hits for the entry {@code where} selects: one youth hit with 9 planted matches. */
  private static Dataset<Row> planted(Dataset<Row> entries, Column where) {
    return entries.withColumn(TextMatches.HITS, functions.when(where,
        functions.array(functions.struct(functions.lit("youth").as("issue_id"), functions.lit(9L).as("matches"),
            functions.array(functions.lit("planted")).as("terms"), functions.lit(0L).as("classified"))))
        .otherwise(functions.col(TextMatches.HITS)));
  }

  @Test
  void storedMatchesAreFoundByTheDocumentsHashAndGiveTheSameRows() {
    Dataset<Row> entries = entries();
    // 4 documents and 7 turns
    Assertions.assertEquals(11, entries.count());
    Assertions.assertEquals(11, entries.select(Memo.KEY, IssuesStage.PART).distinct().count(), "one entry per text");
    OutputComparison.Difference same = OutputComparison.compare(mentions(entries), mentions());
    Assertions.assertTrue(same.same() && same.rowsA() > 0, same.toString());

    // A stored value is used as it is: one planted for d1's text shows in d1's document row and nowhere else, one
    // planted for its turn 2 in that turn only.
    String d1 = "Privacy. Privacy.";
    Dataset<Row> planted = planted(entries, ofDocument(d1, IssuesStage.WHOLE).or(ofDocument(d1, 2)));
    List<Row> rows = mentions(planted).filter("doc_id = 'd1' and (level = 'document' or turn_index = 2)")
        .orderBy("level").collectAsList();
    Assertions.assertEquals(2, rows.size(), rows.toString());
    for (Row r : rows) {
      Assertions.assertEquals("youth", r.getAs("issue_id"));
      Assertions.assertEquals(9L, (long) r.<Long>getAs("matches"));
    }
    Assertions.assertEquals(mentions().filter("not (doc_id = 'd1' and (level = 'document' or turn_index = 2))")
        .count(), mentions(planted).filter("not (doc_id = 'd1' and (level = 'document' or turn_index = 2))").count());
  }

  @Test
  void theTurnsOfAKnownDocumentAreNotReadAndADocumentMissingATurnIsMatchedAgain() {
    IssueMatcher matcher = IssueMatcher.of(Taxonomy.shipped());
    // d1's turns say something else now, its text the same: a turn's text follows from its document's, so this
    // cannot happen in a run, and shows that the turns of a known document are not read.
    Dataset<Row> rewritten = utterances(spark()).withColumn("text", functions.when(
        functions.col("doc_id").equalTo("d1"), functions.lit("Youth, youth, youth.")).otherwise(functions.col("text")));
    Dataset<Row> reused = IssuesStage.matched(spark(), rewritten, documents(spark()), matcher, entries());
    Assertions.assertEquals(0, reused.filter("added").count());
    Assertions.assertEquals(0, IssuesStage.mentions(reused, documents(spark()), matcher)
        .filter("issue_id = 'youth'").count());

    // The store lacks d2's turn 1: d2 and its turns are matched again, from their texts; the others are reused.
    Dataset<Row> partial = entries().filter(functions.not(ofDocument("Thank you.", 1)));
    List<Row> added = IssuesStage.matched(spark(), utterances(spark()), documents(spark()), matcher, partial)
        .filter("added").select("doc_id").distinct().collectAsList();
    Assertions.assertEquals(List.of(RowFactory.create("d2")), added);
    OutputComparison.Difference same = OutputComparison.compare(mentions(partial), mentions());
    Assertions.assertTrue(same.same(), same.toString());
  }

  @Test
  void aDocumentMatchedAgainWhenItGainsTurnsStoresOnlyItsTurnsAndIsReadOnceAfter() {
    IssueMatcher matcher = IssueMatcher.of(Taxonomy.shipped());
    // Run 2: the manifest now files d3 as a transcript, and it has two turns.
    Dataset<Row> documents = documents(spark()).withColumn("doc_type", functions.when(
        functions.col("doc_id").equalTo("d3"), functions.lit("transcript")).otherwise(functions.col("doc_type")));
    Dataset<Row> utterances = utterances(spark()).unionByName(spark().createDataFrame(List.of(
        RowFactory.create("d3", 0, null, "p5", "civil_society", "Access to the room.", 4L, "igf", 2023),
        RowFactory.create("d3", 1, null, "p5", "civil_society", "Net income rose.", 3L, "igf", 2023)), UTTERANCES));
    Dataset<Row> run1 = entries();
    Dataset<Row> run2 = IssuesStage.memoEntries(IssuesStage.matched(spark(), utterances, documents, matcher, run1),
        "c");
    // d3's own entry is in the store already: the delta holds its two turns only.
    List<Row> delta = run2.filter("added").select(IssuesStage.PART).orderBy(IssuesStage.PART).collectAsList();
    Assertions.assertEquals(List.of(RowFactory.create(0), RowFactory.create(1)), delta);
    // Run 3 reads both generations, and one of them twice over: every row once, as a full run gives it.
    Dataset<Row> stored = run1.unionByName(run2.filter("added")).unionByName(run1).drop("added");
    Dataset<Row> reused = IssuesStage.matched(spark(), utterances, documents, matcher, stored);
    Assertions.assertEquals(0, reused.filter("added").count());
    OutputComparison.Difference same = OutputComparison.compare(IssuesStage.mentions(reused, documents, matcher),
        IssuesStage.mentions(IssuesStage.matched(spark(), utterances, documents, matcher), documents, matcher));
    Assertions.assertTrue(same.same() && same.rowsA() > 0, same.toString());
  }

  @Test
  void mentionRowsPerUtteranceAndDocument() {
    List<Row> rows = mentions().orderBy("level", "doc_id", "turn_index", "issue_id").collectAsList();
    List<String> got = new ArrayList<>();
    for (Row r : rows) {
      got.add(r.getAs("level") + " " + r.getAs("doc_id") + "/" + r.getAs("turn_index") + " " + r.getAs("issue_id")
          + " " + r.getAs("matches") + " " + r.getAs("doc_type") + " " + r.getAs("stakeholder_group"));
    }
    Assertions.assertEquals(List.of(
        "document d1/null privacy_data_protection 2 transcript null",
        "utterance d1/0 privacy_data_protection 1 transcript government",
        "utterance d1/1 human_rights 1 transcript civil_society",
        "utterance d1/1 privacy_data_protection 2 transcript civil_society",
        "utterance d1/2 privacy_data_protection 1 transcript government",
        "utterance d2/0 privacy_data_protection 1 transcript civil_society",
        "utterance d2/1 privacy_data_protection 1 transcript unknown",
        "utterance d4/0 privacy_data_protection 2 transcript government"), got);
    Row d11 = rows.get(3);
    // 2 matches in 30 words: 2 × 1000 / 30
    Assertions.assertEquals(66.6666667, d11.<Double>getAs("score"), 1e-6);
    Assertions.assertEquals(List.of("data protection", "privacy"), d11.getList(d11.fieldIndex("matched_terms")));
    Assertions.assertEquals("lemma_match", d11.getAs("method"));
    Assertions.assertEquals(Taxonomy.shipped().version(), d11.getAs("taxonomy_version"));
    // the document row: 2 matches in 200 words = 10 per 1,000
    Assertions.assertEquals(10.0, rows.get(0).<Double>getAs("score"), 1e-9);
  }

  @Test
  void mapOnHandComputedNumbers() {
    List<Row> rows = IssuesStage.map(mentions()).orderBy("forum", "issue_id", "stakeholder_group").collectAsList();
    List<String> got = new ArrayList<>();
    for (Row r : rows) {
      got.add(r.getAs("forum") + " " + r.getAs("year") + " " + r.getAs("issue_id") + " " + r.getAs("stakeholder_group")
          + " words=" + r.getAs("words") + " speakers=" + r.getAs("speakers") + " sessions=" + r.getAs("sessions")
          + " turns=" + r.getAs("turns") + " matches=" + r.getAs("matches") + " share=" + r.getAs("word_share"));
    }
    Assertions.assertEquals(List.of(
        // eurodig 2022: one government utterance, the whole issue
        "eurodig 2022 privacy_data_protection government words=50 speakers=1 sessions=1 turns=1 matches=2 share=1.0",
        // igf 2023 human rights: only d1/1 (civil society, 30 words)
        "igf 2023 human_rights civil_society words=30 speakers=1 sessions=1 turns=1 matches=1 share=1.0",
        // igf 2023 privacy, 200 words in all: civil society d1/1 30 + d2/0 40 = 70 → 0.35 (p2, p3; s1, s2;
        // matches 2 + 1); government d1/0 10 + d1/2 20 = 30 → 0.15 (p1 once; s1); unknown d2/1 100 → 0.5 (no
        // person; s2). d2/2 "Thank you." mentions nothing and counts nowhere.
        "igf 2023 privacy_data_protection civil_society words=70 speakers=2 sessions=2 turns=2 matches=3 share=0.35",
        "igf 2023 privacy_data_protection government words=30 speakers=1 sessions=1 turns=2 matches=2 share=0.15",
        "igf 2023 privacy_data_protection unknown words=100 speakers=0 sessions=1 turns=1 matches=1 share=0.5"),
        got);
  }

  /**
   * An issue the classifier alone finds is a row of method classifier, with no terms and a score of 0; one both find
   * counts both. Scores by hand: 1 match × 1000 / 12 words = 83.33; 1 × 1000 / 2 = 500.
   */
  @Test
  void theClassifiersIssuesAreRowsOfTheirOwnMethod() {
    IssueMatcher matcher = IssueMatcher.of(IssueClassifierTest.taxonomy(), IssueClassifierTest.tiny());
    Dataset<Row> u = spark().createDataFrame(List.of(
        RowFactory.create("d9", 0, "s9", "p1", "government",
            "The village has no mast and no signal. Connectivity is coming.", 12L, "igf", 2024),
        RowFactory.create("d9", 1, "s9", "p2", "civil_society", "A mast for the village, at last.", 8L, "igf", 2024),
        RowFactory.create("d9", 2, "s9", "p2", "civil_society", "Privacy matters.", 2L, "igf", 2024)), UTTERANCES);
    Dataset<Row> d = spark().createDataFrame(List.of(
        RowFactory.create("d9", "transcript", "s9", null, "Hello.", 22L, "igf", 2024)), DOCUMENTS);
    Assertions.assertEquals(List.of(
        "0 access 1 1 lemma_match+classifier 83.33 connectivity",
        "1 access 0 1 classifier 0.00 ",
        "2 privacy 1 0 lemma_match 500.00 privacy"),
        IssuesStage.mentions(IssuesStage.matched(spark(), u, d, matcher), d, matcher)
            .selectExpr("concat_ws(' ', turn_index, issue_id, matches, classified_sentences, method, "
                + "format_number(score, 2), concat_ws(',', matched_terms))")
            .orderBy("turn_index").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void jobWritesBothDatasetsConformingToTheirSchemas() throws IOException {
    String out = dir.resolve("out").toString();
    documents(spark()).write().partitionBy("forum", "year").parquet(out + "/documents");
    utterances(spark()).write().partitionBy("forum", "year").parquet(out + "/utterances");

    IssuesJob.Summary s = IssuesJob.run(spark(), out, null, new DatasetWriter(spark(), out));

    Assertions.assertEquals(7, s.utteranceRows());
    Assertions.assertEquals(1, s.documentRows());
    Assertions.assertEquals(5, s.mapRows());
    // Of the sentences that can hold a match, all match as written but d3's "Our gendering of chairs.", whose lemma
    // could be the term gender: the lemmatizer decides (it says "gendering": no match).
    Assertions.assertEquals(1, s.lemmatizedSentences(), s.lemmatizedSentences() + " of " + s.sentences());
    for (String dataset : List.of(IssuesStage.MENTIONS, IssuesStage.MAP)) {
      Dataset<Row> back = spark().read().parquet(out + "/" + dataset);
      // read back, the partition columns come last and may lose nullability: conform checks names and types
      Assertions.assertFalse(SchemaConformance.conform(back, Schemas.load(dataset), dataset).collectAsList().isEmpty(),
          dataset);
      Assertions.assertTrue(Files.isDirectory(dir.resolve("out/" + dataset + "/forum=igf/year=2023")),
          dataset + " is partitioned by forum and year");
    }
  }

  @Test
  void aUserTaxonomyGivenByPathReplacesTheShippedOne() throws IOException {
    String out = dir.resolve("out").toString();
    documents(spark()).write().partitionBy("forum", "year").parquet(out + "/documents");
    utterances(spark()).write().partitionBy("forum", "year").parquet(out + "/utterances");
    Path taxonomy = Files.writeString(dir.resolve("courtesy.yaml"), String.join("\n", "version: \"t-1\"",
        "issues:", "  - id: courtesy", "    label: Courtesy", "    description: Greetings and thanks.",
        "    terms: [thank]", "    phrases:", "      - good afternoon", ""));

    // The shipped classifier's examples are labelled with other issues: a user taxonomy comes with its own, or none.
    IssuesJob.Summary s = IssuesJob.run(spark(), out, taxonomy.toString(), null, new DatasetWriter(spark(), out),
        null);

    // "Good afternoon, privacy is key." (d2/1, unknown, 100 words) and "Thank you." (d2/2, government, 5 words)
    // match; privacy is no issue of this taxonomy. Document rows: d2 "Thank you." (d1, d3, d4 match nothing).
    Assertions.assertEquals(Arrays.asList(taxonomy.toString(), "t-1", 1, 2L, 1L, 2L, null, 0L), Arrays.asList(
        s.taxonomy(), s.taxonomyVersion(), s.issues(), s.utteranceRows(), s.documentRows(), s.mapRows(),
        s.classifier(), s.classifierOnlyRows()));
    Assertions.assertEquals(List.of("document d2 courtesy t-1 thank", "utterance d2 courtesy t-1 good afternoon",
        "utterance d2 courtesy t-1 thank"), spark().read().parquet(out + "/" + IssuesStage.MENTIONS)
        .selectExpr("concat_ws(' ', level, doc_id, issue_id, taxonomy_version, concat_ws(',', matched_terms))")
        .orderBy("level", "turn_index").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    // The map: unknown 100 of 105 words, government 5 of 105.
    Assertions.assertEquals(List.of("government 5 0.047619", "unknown 100 0.952381"),
        spark().read().parquet(out + "/" + IssuesStage.MAP)
            .selectExpr("concat_ws(' ', stakeholder_group, words, format_number(word_share, 6))")
            .orderBy("stakeholder_group").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void schemaFilesDescribeEveryField() {
    for (String dataset : List.of(IssuesStage.MENTIONS, IssuesStage.MAP)) {
      for (StructField f : Schemas.load(dataset).fields()) {
        Assertions.assertTrue(f.metadata().contains("description") && f.metadata().contains("since"),
            dataset + "." + f.name());
      }
    }
    Assertions.assertTrue(Schemas.load(IssuesStage.MENTIONS).apply("score").metadata().getString("formula")
        .contains("1000"));
  }
}
