package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.influence.Alignment;
import org.opennessobservatory.schema.SchemaConformance;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Stage links on a hand-built fixture: igf (global), eurodig (regional), ukigf (national), youthigf (youth), misc
 * (other).
 *
 * <pre>
 * doc  forum   level     year type        published   persons / text
 * g1   igf     global    2022 transcript              p2 (Lukas), an unnamed turn
 * g2   igf     global    2023 transcript              p1 (Ana)
 * r1   eurodig regional  2022 transcript              p1 (Ana), p3
 * n0   ukigf   national  2022 agenda                  (no transcript: ukigf's turns begin in 2023)
 * n1   ukigf   national  2023 transcript              p2 (Lukas)
 * y1   youthigf youth    2021 transcript              p1 (Ana)
 * o1   eurodig regional  2022 outcome     2022-07-08  BOILER + "… community networks need … public funding."
 * o2   igf     global    2023 outcome     2023-11-02  BOILER + the same 13 words
 * o3   igf     global    2022 outcome     2022-06-01  BOILER + the same 13 words (published before o1: no link)
 * n2   ukigf   national  2023 outcome     2023-11-06  BOILER + other words
 * m1   misc    other     2021 outcome     2021-01-01  the same 13 words (level other: takes no part)
 * </pre>
 * Reuse runs through stage influence's machinery with n = 5, gap 4, at least 7 words, similarity 0.6, boilerplate
 * from 2 local documents, index bound 4 documents, 2 seeds. BOILER (12 words, 8 5-grams) is in o1, o2, o3, n2: 4
 * documents, indexed; 2 of them local (o1, n2), so its passage o1 → o2 is boilerplate and no link. The 13 shared
 * words (QUOTE) give 9 5-grams in o1, o2, o3, found in 1 local document. Between the two runs o1 has 6 other words
 * and o2 7 (more than the gap of 4; no 2 words agree within 2 skipped): two passages, no extension. Expected links:
 * <ul>
 *   <li>person eurodig–igf p1: 2022 / 2023 regional_first, year 2023, [r1] / [g2];
 *       person ukigf–igf p2: 2023 / 2022, but ukigf's turns begin in 2023 (igf's in 2022): whether Lukas spoke at
 *       ukigf in 2022 is not in the corpus, undetermined, year 2023, [n1] / [g1];
 *       person youthigf–igf p1: 2021 / 2023, but igf's turns begin in 2022: undetermined, year 2023, [y1] / [g2];
 *       p3 speaks at one level only.</li>
 *   <li>issue_first eurodig–igf access_connectivity: eurodig 2022 (2 matches, r1) / igf 2023 (1 match: g2's
 *       document row, a transcript, is not counted) regional_first; ukigf–igf privacy: ukigf 2023 (1, n1) / igf 2022
 *       (3, o3) global_first (ukigf's documents begin in 2022 with n0); eurodig–igf cybersecurity: 2022 (1, o1) /
 *       2022 (2, g1) same_year; youth only at eurodig: none.</li>
 *   <li>reuse o1 → o2 only (o3 is older than o1; n2 → o2, o3 older; m1 not a regional/national forum): QUOTE on
 *       both sides, 9 seeds (13 − 5 + 1), similarity 2·13 / (13 + 13) = 1. Offsets: BOILER is 85 characters; o1 puts
 *       " EuroDIG Messages 2022. Participants agreed that " (49) before QUOTE (83), so 134–217; o2 puts
 *       " IGF 2023 Messages. As regional voices said, " (45), so 130–213.</li>
 * </ul>
 */
class LinksStageTest extends SparkTestBase {
  static final String BOILER = "This document is published under a Creative Commons attribution licence for everyone.";
  static final String QUOTE = "community networks need licence-exempt spectrum and a simple path to public funding";
  static final String O1 = BOILER + " EuroDIG Messages 2022. Participants agreed that " + QUOTE + ".";
  static final String O2 = BOILER + " IGF 2023 Messages. As regional voices said, " + QUOTE.replace("Community", "community") + ".";
  static final String O3 = BOILER + " IGF 2022 Messages. Community networks need licence exempt spectrum and a simple path to public funding.";
  static final String N2 = BOILER + " UK IGF key messages 2023. Online safety rules must respect freedom of expression.";

  static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType)
      .add("forum", DataTypes.StringType).add("forum_level", DataTypes.StringType).add("year", DataTypes.IntegerType)
      .add("doc_type", DataTypes.StringType).add("published_on", DataTypes.DateType).add("date", DataTypes.DateType)
      .add("text", DataTypes.StringType);

  static final StructType UTTERANCES = new StructType().add("doc_id", DataTypes.StringType)
      .add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType).add("turn_index", DataTypes.IntegerType)
      .add("person_id", DataTypes.StringType);

  static final StructType SPEAKERS = new StructType().add("person_id", DataTypes.StringType)
      .add("display_name", DataTypes.StringType);

  /** The issue_mentions contract of stage issues. */
  static final StructType MENTIONS = new StructType().add("doc_id", DataTypes.StringType)
      .add("turn_index", DataTypes.IntegerType).add("level", DataTypes.StringType)
      .add("session_id", DataTypes.StringType).add("person_id", DataTypes.StringType)
      .add("stakeholder_group", DataTypes.StringType).add("issue_id", DataTypes.StringType)
      .add("issue_label", DataTypes.StringType).add("matches", DataTypes.LongType)
      .add("score", DataTypes.DoubleType)
      .add("matched_terms", DataTypes.createArrayType(DataTypes.StringType))
      .add("method", DataTypes.StringType).add("taxonomy_version", DataTypes.StringType)
      .add("words", DataTypes.LongType).add("doc_type", DataTypes.StringType).add("forum", DataTypes.StringType)
      .add("year", DataTypes.IntegerType);

  private static Dataset<Row> df(org.apache.spark.sql.SparkSession spark, StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark.createDataFrame(list, schema);
  }

  private static Object[] doc(String id, String forum, String level, int year, String type, String published,
      String text) {
    return new Object[] {id, forum, level, year, type, published == null ? null : Date.valueOf(published), null, text};
  }

  private static Object[] mention(String doc, Integer turn, String level, String issue, long matches, String docType,
      String forum, int year) {
    return new Object[] {doc, turn, level, null, null, "unknown", issue, issue.replace('_', ' '), matches, 0.1,
        new String[] {"term"}, "lemma_terms", "t1", 100L, docType, forum, year};
  }

  /** The fixture's parameters (class comment): the alignment defaults but boilerplate and index bounds. */
  static final LinksStage.Config CONFIG = new LinksStage.Config(new Alignment.Config(5, 4, 7, 0.6, 2, 4, 2), 1);

  Dataset<Row> fixture() {
    Map<String, Dataset<Row>> in = inputs(spark());
    return LinksStage.links(in.get("documents"), in.get("utterances"), in.get("speakers"), in.get("issue_mentions"),
        CONFIG);
  }

  /** The fixture's inputs by dataset name. */
  Map<String, Dataset<Row>> inputs(org.apache.spark.sql.SparkSession spark) {
    Dataset<Row> documents = df(spark, DOCUMENTS,
        doc("g1", "igf", "global", 2022, "transcript", null, "x"),
        doc("g2", "igf", "global", 2023, "transcript", null, "x"),
        doc("r1", "eurodig", "regional", 2022, "transcript", null, "x"),
        doc("n0", "ukigf", "national", 2022, "agenda", null, "x"),
        doc("n1", "ukigf", "national", 2023, "transcript", null, "x"),
        doc("y1", "youthigf", "youth", 2021, "transcript", null, "x"),
        doc("o1", "eurodig", "regional", 2022, "outcome", "2022-07-08", O1),
        doc("o2", "igf", "global", 2023, "outcome", "2023-11-02", O2),
        doc("o3", "igf", "global", 2022, "outcome", "2022-06-01", O3),
        doc("n2", "ukigf", "national", 2023, "outcome", "2023-11-06", N2),
        doc("m1", "misc", "other", 2021, "outcome", "2021-01-01", QUOTE));
    Dataset<Row> utterances = df(spark, UTTERANCES,
        new Object[] {"g1", "igf", 2022, 0, "p2"}, new Object[] {"g1", "igf", 2022, 1, null},
        new Object[] {"g2", "igf", 2023, 0, "p1"}, new Object[] {"r1", "eurodig", 2022, 0, "p1"},
        new Object[] {"r1", "eurodig", 2022, 1, "p3"}, new Object[] {"r1", "eurodig", 2022, 2, "p1"},
        new Object[] {"n1", "ukigf", 2023, 0, "p2"}, new Object[] {"y1", "youthigf", 2021, 0, "p1"});
    Dataset<Row> speakers = df(spark, SPEAKERS, new Object[] {"p1", "Ana Petrović"}, new Object[] {"p2", "Lukas Brenner"},
        new Object[] {"p3", "Marco Bellini"});
    Dataset<Row> mentions = df(spark, MENTIONS,
        mention("r1", 0, "utterance", "access_connectivity", 2, "transcript", "eurodig", 2022),
        mention("g2", 0, "utterance", "access_connectivity", 1, "transcript", "igf", 2023),
        mention("g2", null, "document", "access_connectivity", 5, "transcript", "igf", 2023),
        mention("o3", null, "document", "privacy_data_protection", 3, "outcome", "igf", 2022),
        mention("n1", 0, "utterance", "privacy_data_protection", 1, "transcript", "ukigf", 2023),
        mention("o1", null, "document", "cybersecurity", 1, "outcome", "eurodig", 2022),
        mention("g1", 0, "utterance", "cybersecurity", 2, "transcript", "igf", 2022),
        mention("r1", 1, "utterance", "youth", 4, "transcript", "eurodig", 2022));
    return Map.of("documents", documents, "utterances", utterances, "speakers", speakers, "issue_mentions",
        mentions);
  }

  private static String describe(Row r) {
    List<String> parts = new ArrayList<>();
    for (String c : List.of("link_type", "forum", "forum_level", "global_forum", "person_id", "display_name",
        "issue_id", "direction", "forum_year", "global_year", "forum_covered_from", "global_covered_from", "year",
        "forum_mentions", "global_mentions",
        "source_doc_id", "target_doc_id", "shared_ngrams")) {
      parts.add(String.valueOf((Object) r.getAs(c)));
    }
    parts.add(CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs("forum_doc_ids")).toString());
    parts.add(CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs("global_doc_ids")).toString());
    return String.join(" ", parts);
  }

  @Test
  void expectedLinksOnTheFixture() {
    List<Row> rows = fixture().collectAsList();
    Map<String, Row> byKey = new TreeMap<>();
    for (Row r : rows) {
      byKey.put(describe(r), r);
    }
    List<String> expected = List.of(
        "issue_first eurodig regional igf null null access_connectivity regional_first 2022 2023 2022 2022 2023 2 1 null null null [r1] [g2]",
        "issue_first eurodig regional igf null null cybersecurity same_year 2022 2022 2022 2022 2022 1 2 null null null [o1] [g1]",
        "issue_first ukigf national igf null null privacy_data_protection global_first 2023 2022 2022 2022 2023 1 3 null null null [n1] [o3]",
        "person eurodig regional igf p1 Ana Petrović null regional_first 2022 2023 2022 2022 2023 null null null null null [r1] [g2]",
        "person ukigf national igf p2 Lukas Brenner null undetermined 2023 2022 2023 2022 2023 null null null null null [n1] [g1]",
        "person youthigf youth igf p1 Ana Petrović null undetermined 2021 2023 2021 2022 2023 null null null null null [y1] [g2]",
        "reuse eurodig regional igf null null null null 2022 2023 null null 2023 null null o1 o2 9 [o1] [o2]");
    assertEquals(expected, new ArrayList<>(byKey.keySet()));

    Row reuse = byKey.get(expected.get(6));
    // Offsets counted by hand in the class comment, checked against the texts.
    assertEquals(List.of(134, 217, 130, 213), List.of(O1.indexOf(QUOTE), O1.indexOf(QUOTE) + QUOTE.length(),
        O2.indexOf(QUOTE), O2.indexOf(QUOTE) + QUOTE.length()));
    assertEquals(List.of(134, 217, 130, 213), List.of(reuse.<Integer>getAs("source_start"),
        reuse.<Integer>getAs("source_end"), reuse.<Integer>getAs("target_start"), reuse.<Integer>getAs("target_end")));
    assertEquals(1.0, reuse.<Double>getAs("similarity"), 1e-12);
    assertEquals(QUOTE, reuse.getAs("passage"));
    assertEquals("text_reuse", reuse.getAs("method"));
    assertEquals("t1", byKey.get(expected.get(0)).getAs("taxonomy_version"));
    for (Row r : rows) {
      Assertions.assertTrue(((String) r.getAs("link_id")).matches("[0-9a-f]{32}"));
    }
    assertEquals(rows.size(), rows.stream().map(r -> (String) r.getAs("link_id")).distinct().count());
  }

  @Test
  void conformsToTheSchemaFile() {
    StructType schema = Schemas.load(LinksStage.FORUM_LINKS);
    Dataset<Row> conformed = SchemaConformance.conform(fixture(), schema, LinksStage.FORUM_LINKS);
    assertEquals(Arrays.asList(schema.fieldNames()), Arrays.asList(conformed.columns()));
    for (StructField f : schema.fields()) {
      assertEquals(f.dataType(), conformed.schema().apply(f.name()).dataType(), f.name());
      String since = f.name().endsWith("_covered_from") ? "0.8.0" : "0.4.0";
      Assertions.assertTrue(f.metadata().contains("since") && f.metadata().getString("since").equals(since), f.name());
    }
  }

  /** The expression the stage uses for every person and issue link. */
  @Test
  void directionByYearWithinWhatTheCorpusCovers() {
    StructType years = new StructType().add("fy", DataTypes.IntegerType).add("gy", DataTypes.IntegerType)
        .add("ff", DataTypes.IntegerType).add("gf", DataTypes.IntegerType);
    Dataset<Row> cases = df(spark(), years,
        new Object[] {2022, 2023, 2022, 2022},  // regional_first: igf on record in 2022 without it
        new Object[] {2022, 2023, 2022, 2023},  // undetermined: igf's record begins after 2022
        new Object[] {2024, 2023, 2022, 2006},  // global_first
        new Object[] {2024, 2019, 2022, 2006},  // undetermined: the forum's record begins in 2022
        new Object[] {2023, 2023, 2023, 2006},  // same_year
        new Object[] {null, 2023, 2022, 2006}); // no year on one side: no direction
    List<String> got = new ArrayList<>();
    for (Row r : cases.select(LinksStage.direction(col("fy"), col("gy"), col("ff"), col("gf"))).collectAsList()) {
      got.add(String.valueOf(r.getString(0)));
    }
    assertEquals(List.of("regional_first", "undetermined", "global_first", "undetermined", "same_year", "null"), got);
  }
}
