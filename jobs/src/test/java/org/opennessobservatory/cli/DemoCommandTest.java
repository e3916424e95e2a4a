package org.opennessobservatory.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/** {@code observatory demo} over data-samples: every file accounted for as data-samples/README.md says. */
class DemoCommandTest extends SparkTestBase {
  @Test
  void theDemoIngestsTheSamplesAndRejectsExactlyTheBrokenFiles() {
    var run = DemoRun.run();
    Path out = DemoRun.out();
    assertEquals(0, run.exit(), run.err());
    Assertions.assertTrue(run.out().startsWith("ingest: 71 files"), run.out());

    Map<String, String> rejects = new HashMap<>();
    for (Row r : spark().read().parquet(out.resolve("rejects").toString()).collectAsList()) {
      rejects.put(r.getAs("rel_path"), r.getAs("reason") + (r.getAs("duplicate_of") == null ? ""
          : " of " + r.getAs("duplicate_of")));
    }
    assertEquals(Map.of(
        "igf/2022/igf-2022-ws-notes-empty.txt", "empty",
        "igf/2023/igf-2023-ws45-session-report.pdf", "corrupt",
        "igf/2022/igf-2022-messages-partial-download.pdf", "corrupt",
        "eurodig/2023/eurodig-2023-messages-draft-protected.pdf", "encrypted",
        "ukigf/2024/x.pdf", "corrupt",
        "igf/2023/IGF2023_Messages_final(1).docx", "duplicate of igf/2023/igf-2023-messages.docx"), rejects);

    Dataset<Row> documents = spark().read().parquet(out.resolve("documents").toString());
    assertEquals(65, documents.count());
    // Listed files carry the manifest's metadata.
    Dataset<Row> manifest = spark().read().option("header", "true")
        .csv(TestPaths.samples().resolve("manifest.csv").toString());
    Dataset<Row> listed = documents.join(manifest.withColumnRenamed("path", "rel_path")
        .select(col("rel_path"), col("doc_type").as("listed_type"), col("forum").as("listed_forum")), "rel_path");
    assertEquals(62, listed.count(), "65 documents, of which 3 unlisted on purpose");
    assertEquals(0, listed.filter(col("doc_type").notEqual(col("listed_type"))
        .or(col("forum").notEqual(col("listed_forum")))
        .or(col("metadata_source").notEqual("manifest"))).count());
    // Unlisted files get their metadata from the path, the name and the content.
    assertEquals(List.of(
            "eurodig/2024/eurodig-2024-programme.html eurodig 2024 programme regional",
            "igf/2024/igf-2024-ws78-internet-shutdowns-transcript.txt igf 2024 transcript global",
            "ukigf/2023/ukigf-2023-digital-exclusion-report.odt ukigf 2023 session_report national"),
        documents.filter(col("metadata_source").equalTo("inferred")).orderBy("rel_path").collectAsList().stream()
            .map(r -> r.getAs("rel_path") + " " + r.getAs("forum") + " " + r.getAs("year") + " "
                + r.getAs("doc_type") + " " + r.getAs("forum_level")).toList());

    Map<String, String> text = new HashMap<>();
    documents.select("rel_path", "text").collectAsList().forEach(r -> text.put(r.getString(0), r.getString(1)));
    String cp1252 = text.get("eurodig/2022/eurodig-2022-youthdig-notes.txt");
    Assertions.assertTrue(cp1252.matches("(?s).*[\u2018\u2019\u201c\u201d].*") && cp1252.contains("\u2013"),
        "curly quotes and en dashes decoded");
    assertFalse(cp1252.chars().anyMatch(c -> c >= 0x80 && c <= 0x9f), "no C1 controls left");
    Assertions.assertTrue(text.get("igf/2024/igf-2024-remote-hub-report.txt").contains("M\u0101ori"));
    String newsletter = text.get("ukigf/2023/ukigf-2023-newsletter.html");
    assertFalse(newsletter.contains("SCRIPT TEXT"), newsletter);
    assertFalse(newsletter.contains("root:x:0"), "no external entity resolved");

    // Stage segment: every transcript into turns, in the schema's columns.
    Dataset<Row> utterances = spark().read().parquet(out.resolve("utterances").toString());
    assertEquals(List.of(org.opennessobservatory.schema.Schemas.load("utterances").fieldNames()),
        List.of(utterances.columns()));
    assertEquals(documents.filter(col("doc_type").equalTo("transcript")).count(),
        utterances.select("doc_id").distinct().count(), "every transcript has turns");
    assertEquals(0, utterances.groupBy("doc_id").count().filter(col("count").lt(5)).count(),
        "no sample transcript collapses into a handful of turns");
    Assertions.assertTrue(run.out().contains("segment: 12 transcripts"), run.out());

    // Stage resolve against the cast (data-samples/README.md): 24 registry persons speak; the three left out of the
    // registry are named by their self-introductions and grouped by their organisations' keywords.
    Dataset<Row> speakers = spark().read().parquet(out.resolve("speakers").toString());
    assertEquals(24, speakers.filter(col("resolution_method").equalTo("registry")).count());
    assertEquals(List.of("Hiroshi Tanaka technical_community", "Kwame Mensah academia",
        "Tom Fairbanks private_sector"), speakers.filter(col("resolution_method").equalTo("name")
        .and(col("organisation_source").equalTo("self_introduction")))
        .selectExpr("concat(display_name, ' ', stakeholder_group)").orderBy("display_name").as(Encoders.STRING())
        .collectAsList());
    Row nadia = speakers.filter(col("display_name").equalTo("Nadia Haddad")).first();
    assertEquals(List.of("woman", "form_of_address_speech"), List.of(nadia.getAs("gender"),
        nadia.getAs("gender_source")), "registry gender undeclared; the chair says \"Ms. Nadia Haddad\"");
    Assertions.assertTrue(speakers.filter("display_name = 'Lukas Brenner' and array_contains(aliases_seen, 'Brenner')")
        .count() == 1, "CHAIR BRENNER is Lukas Brenner");
    Dataset<Row> resolved = spark().read().parquet(out.resolve("utterances").toString());
    // The collapsed consultation: the host's label recurs mid-line, each guest's is seen once (its cast, in order).
    assertEquals(List.of("Samuel Adeyemi", "Ana Petrović", "Samuel Adeyemi", "Carlos Mendoza", "Samuel Adeyemi",
        "Aroha Ngata", "Samuel Adeyemi", "Hiroshi Tanaka", "Samuel Adeyemi", "Mei Lin Chen", "Samuel Adeyemi",
        "Grace Mwangi", "Samuel Adeyemi"), resolved.join(documents.filter(
            "rel_path = 'igf/2024/igf-2024-wsis20-future-of-igf-transcript.txt'"), "doc_id")
        .join(speakers, "person_id").orderBy("turn_index").select("display_name").as(Encoders.STRING())
        .collectAsList());
    Assertions.assertTrue(resolved.filter("label_raw = 'MODERATOR' and person_source = 'role_in_document'").count() > 0,
        "the unnamed MODERATOR of ukigf 2022 introduced herself once");
    assertEquals(List.of("intergovernmental"), resolved.join(speakers.filter("display_name = 'Daniel Moreau'")
        .select("person_id"), "person_id").select("stakeholder_group").distinct().as(Encoders.STRING())
        .collectAsList(), "his registry row valid in 2022, not the academic one from 2023-09");
    assertEquals(12, spark().read().parquet(out.resolve("transcript_coverage").toString()).count());
    Assertions.assertTrue(run.out().contains("resolve: 28 persons (24 in the registry of 24), 95.1% of words "
        + "attributed to a named person, 10 turns named by a self-introduction"), run.out());

    // Stages indicators and score: the panel and the scorecard for the nine sample forum-years.
    for (String dataset : List.of("session_indicators", "forum_year_indicators", "openness_criteria",
        "openness_index")) {
      assertEquals(List.of(org.opennessobservatory.schema.Schemas.load(dataset).fieldNames()),
          List.of(spark().read().parquet(out.resolve(dataset).toString()).columns()), dataset);
    }
    Dataset<Row> index = spark().read().parquet(out.resolve("openness_index").toString());
    assertEquals(9, index.count(), "3 forums x 3 years");
    assertEquals(0, index.filter(col("overall").isNull().or(col("overall").lt(0)).or(col("overall").gt(100)))
        .count());
    Dataset<Row> sessions = spark().read().parquet(out.resolve("session_indicators").toString());
    assertEquals(12, sessions.count());
    // EuroDIG 2023 Workshop 5 as worked by hand in data-samples/README.md ("One session worked by hand").
    Row ws5 = sessions.filter("session_id = 'eurodig-2023-ws5' and row_level = 'session'").first();
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("turns", 14L);
    expected.put("speakers", 5L);
    expected.put("words", 473L);
    expected.put("word_share_government", 186 / 473.0);
    expected.put("word_share_civil_society", 125 / 473.0);
    expected.put("women_word_share", 229 / 473.0);
    expected.put("region_word_share_eastern_europe", 268 / 473.0);
    expected.put("global_south_word_share", 0.0);
    expected.put("gini_words", 640 / 2365.0);
    expected.put("hhi_groups", 63_921 / 223_729.0);
    expected.put("entropy_groups", 0.676030216460232);
    expected.put("top_speaker_share", 186 / 473.0);
    expected.put("floor_questions", 0L);
    expected.put("newcomer_speaker_share", 2 / 5.0);
    expected.put("newcomer_word_share", 268 / 473.0);
    expected.put("dissent_markers", 0L);
    expected.forEach((column, value) -> {
      if (value instanceof Double d) {
        assertEquals(d, ws5.<Double>getAs(column), 1e-12, column);
      } else {
        assertEquals(value, ws5.getAs(column), column);
      }
    });

    // Recorded dissent (data-samples/README.md): one disagreement and one reservation, in two turns of igf 2022 OF31.
    List<String> dissent = utterances
        .filter("dissent_markers_disagreement + dissent_markers_objection + dissent_markers_reservation > 0")
        .selectExpr("concat_ws(' ', speaker_name, dissent_markers_disagreement, dissent_markers_objection, "
            + "dissent_markers_reservation) as turn")
        .orderBy("turn").as(Encoders.STRING()).collectAsList();
    assertEquals(List.of("Carlos Mendoza 1 0 0", "Priya Raman 0 0 1"), dissent);
    Row of31 = sessions.filter("session_id = 'igf-2022-of31' and row_level = 'session'").first();
    assertEquals(List.of(2L, 1L, 0L, 1L), List.of(of31.getAs("dissent_markers"),
        of31.getAs("dissent_markers_disagreement"), of31.getAs("dissent_markers_objection"),
        of31.getAs("dissent_markers_reservation")));
    assertEquals(2L, sessions.filter("row_level = 'session'").agg(functions.sum("dissent_markers")).first().getLong(0),
        "no other session has a marker");

    // Stages issues and links: the links planted in the samples (data-samples/README.md, "Expected links").
    for (String dataset : List.of("issue_mentions", "stakeholder_issue_map", "forum_links")) {
      assertEquals(List.of(org.opennessobservatory.schema.Schemas.load(dataset).fieldNames()),
          List.of(spark().read().parquet(out.resolve(dataset).toString()).columns()), dataset);
    }
    // The summary's count of mentions found by the classifier alone is the rows that say so.
    Dataset<Row> mentions = spark().read().parquet(out.resolve("issue_mentions").toString());
    long classifierOnly = mentions.filter("method = 'classifier'").count();
    Assertions.assertTrue(classifierOnly > 0 && mentions.filter("method = 'classifier' and (matches > 0 or "
        + "classified_sentences = 0 or size(matched_terms) > 0)").isEmpty(), "classifier rows: " + classifierOnly);
    Assertions.assertTrue(run.out().contains(" mentions (" + classifierOnly + " found by the classifier alone)"),
        run.out());
    Dataset<Row> links = spark().read().parquet(out.resolve("forum_links").toString());
    assertEquals(List.of("eurodig Ana Petrović regional_first 2022 2024", "eurodig Lukas Brenner regional_first 2022 "
        + "2023", "eurodig Tomás Herrera global_first 2024 2023"), links.filter("link_type = 'person'")
        .selectExpr("concat_ws(' ', forum, display_name, direction, forum_year, global_year)")
        .orderBy("display_name").as(Encoders.STRING()).collectAsList());
    assertEquals(List.of("igf-2024-ws78-internet-shutdowns-transcript.txt",
            "igf-2024-wsis20-future-of-igf-transcript.txt"),
        links.filter("link_type = 'person' and display_name = 'Ana Petrović'").join(documents.select(
            col("doc_id").as("global_doc"), col("rel_path")), functions.array_contains(col("global_doc_ids"),
            col("global_doc"))).selectExpr("substring_index(rel_path, '/', -1)").orderBy("rel_path")
            .as(Encoders.STRING()).collectAsList(), "her global evidence: the open consultation and WS78");
    // Reuse (data-samples/README.md): eurodig's 33 words, the target inserting "the" (29 5-grams, 4 across the
    // insertion broken: 25 seeds; similarity 2·33 / (33 + 34) = 0.985); ukigf's key message, 28 words verbatim (24
    // seeds, 1); the ukigf session 2 report's "large fines for failing to remove legal but harmful content create"
    // (11 words) against the same words without "but harmful" (9): 3 seeds, 2·9 / (11 + 9) = 0.9.
    assertEquals(List.of("eurodig 25 0.985 439 655 1203 1423", "ukigf 24 1.000 59 242 698 881",
            "ukigf 3 0.900 389 455 795 849"),
        links.filter("link_type = 'reuse'").selectExpr("concat_ws(' ', forum, shared_ngrams, "
            + "format_number(similarity, 3), source_start, source_end, target_start, target_end)")
            .orderBy("forum", "source_start").as(Encoders.STRING()).collectAsList());
    assertEquals(List.of("regional_first 2022 2023"), links.filter("link_type = 'issue_first' and forum = 'ukigf' "
        + "and issue_id = 'children_online'").selectExpr("concat_ws(' ', direction, forum_year, global_year)")
        .as(Encoders.STRING()).collectAsList(), "online safety rises at the UK IGF first");

    // Stage track: 39 recommendations x 3 years; the planted reversal and the evaluator's override (gold README).
    Dataset<Row> status = spark().read().parquet(out.resolve("recommendation_status").toString());
    assertEquals(117, status.count());
    assertEquals(List.of("p31 2022 discussed evaluator", "p37 2024 reversed computed"), status
        .filter("(recommendation_id = 'p37' and year = 2024) or (recommendation_id = 'p31' and year = 2022)")
        .selectExpr("concat_ws(' ', recommendation_id, year, status, source)").orderBy("recommendation_id")
        .as(Encoders.STRING()).collectAsList());

    // Stage influence: the 33 passages planted in the outcomes (gold/influence), none boilerplate; the statement
    // co-signing three points of the Open Rights Forum UK's submission is the one reuse cluster.
    Dataset<Row> passages = spark().read().parquet(out.resolve("influence_passages").toString());
    assertEquals(List.of(33L, 0L), List.of(passages.count(), passages.filter("boilerplate").count()));
    assertEquals(List.of("ukigf/2022 2 Coalition for Safe and Open Messaging|Open Rights Forum UK civil_society"),
        spark().read().parquet(out.resolve("reuse_clusters").toString())
            .selectExpr("concat_ws(' ', process_id, size, array_join(array_sort(member_contributors), '|'), "
                + "array_join(stakeholder_groups, '|'))").as(Encoders.STRING()).collectAsList());
    Assertions.assertTrue(run.out().contains("influence: "), run.out());
  }
}
