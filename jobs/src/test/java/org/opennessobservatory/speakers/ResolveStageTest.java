package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.schema.SchemaConformance;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.transcripts.SegmentStage;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Stage resolve over two hand-made transcripts and a two-person registry; every expected value worked out by hand.
 *
 * <pre>
 * d1 igf 2022                                                     words  person (link, score)        group
 *  0 CHAIR BRENNER: Welcome to the session. Ms. Okafor, please.     7   Lukas Brenner (surname .75)  government/registry
 *  1 AMARA OKAFOR: Thank you, Mr. Chairman. Access first.           6   Amara Okafor (registry 1)    civil_society/registry
 *  2 AUDIENCE: My name is Kwame Mensah from the Accra Institute    14   Kwame Mensah (exact 1)       academia/keywords
 *    of Technology. What about fees?
 *  3 AUDIENCE: Same question.                                        2   -                            unknown
 * d2 eurodig 2023
 *  0 LUKAS BRENNER: Good morning from Berlin.                       4   Lukas Brenner (registry 1)   government/registry
 *  1 AMARA OKAFER, Open Net Africa Coalition: Hello again.          2   Amara Okafor (similar .967)  civil_society/registry
 *  2 UNDESA: We support this.                                       3   -                            intergovernmental/keywords
 *  3 (bare marker) Bare speech without a label.                     5   -                            unknown
 * </pre>
 * "Brenner" alone fits one person of the corpus, not of d1 (0.75). "Okafer" is within Jaro-Winkler of "Okafor":
 * 11 of 12 characters match, no transpositions, Jaro = (11/12 + 11/12 + 1) / 3 = 0.9444, common prefix 4,
 * JW = 0.9444 + 4 × 0.1 × (1 − 0.9444) = 0.967 — and the label's organisation is the registry's: corroborated.
 * Coverage: d1 named 7 + 6 + 14 = 27 of 29 words; d2 named 4 + 2 = 6 of 14.
 */
class ResolveStageTest extends SparkTestBase {
  private static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType)
      .add("session_id", DataTypes.StringType).add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType)
      .add("language", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("doc_type", DataTypes.StringType);

  private static final String REGISTRY = """
      name,aliases,organisation,stakeholder_group,gender,country,region,valid_from,valid_to,source
      Lukas Brenner,,Ministry of Digital Infrastructure,government,man,DE,,,,test
      Amara Okafor,,Open Net Africa Coalition,civil_society,,NG,,,,test
      """;

  /** Straight from stage segment (turns lie together) and as if read back from files (shuffled by transcript). */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void turnsGetPersonsAndPersonsTheirProfiles(boolean clustered) {
    String d1 = ">> CHAIR BRENNER: Welcome to the session. Ms. Okafor, please.\n"
        + ">> AMARA OKAFOR: Thank you, Mr. Chairman. Access first.\n"
        + ">> AUDIENCE: My name is Kwame Mensah from the Accra Institute of Technology. What about fees?\n"
        + ">> AUDIENCE: Same question.\n";
    String d2 = ">> LUKAS BRENNER: Good morning from Berlin.\n"
        + ">> AMARA OKAFER, Open Net Africa Coalition: Hello again.\n"
        + ">> UNDESA: We support this.\n"
        + ">> Bare speech without a label.\n";
    Dataset<Row> documents = spark().createDataFrame(List.of(
        RowFactory.create("d1", "ws-1", "igf", 2022, "en", d1, "transcript"),
        RowFactory.create("d2", "pl-2", "eurodig", 2023, "en", d2, "transcript")), DOCUMENTS);
    Registry registry = Registry.of(CsvTable.read(new StringReader(REGISTRY), "people.csv", Registry.COLUMNS),
        UnRegions.shipped());
    Dataset<Row> utterances = SegmentStage.utterances(documents);
    ResolveStage.Resolution r = ResolveStage.resolve(spark(), clustered ? utterances : utterances.repartition(3),
        ResolveStage.Lookups.of(registry, StakeholderKeywords.shipped()), clustered);

    String lukas = ResolveStage.personIdOf("registry:lukas brenner");
    String amara = ResolveStage.personIdOf("registry:amara okafor");
    String kwame = ResolveStage.personIdOf("name:kwame mensah");
    List<Row> turns = r.utterances().orderBy("doc_id", "turn_index").select("doc_id", "turn_index", "words",
        "person_id", "person_source", "person_link", "person_link_score", "stakeholder_group",
        "stakeholder_group_source").collectAsList();
    assertEquals(List.of(
        RowFactory.create("d1", 0, 7L, lukas, "label", "surname", 0.75, "government", "registry"),
        RowFactory.create("d1", 1, 6L, amara, "label", "registry", 1.0, "civil_society", "registry"),
        RowFactory.create("d1", 2, 14L, kwame, "self_introduction", "exact", 1.0, "academia",
            "organisation_keywords"),
        RowFactory.create("d1", 3, 2L, null, null, null, null, "unknown", "unknown"),
        RowFactory.create("d2", 0, 4L, lukas, "label", "registry", 1.0, "government", "registry"),
        RowFactory.create("d2", 1, 2L, amara, "label", "similar_name", 0.967, "civil_society", "registry"),
        RowFactory.create("d2", 2, 3L, null, null, null, null, "intergovernmental", "organisation_keywords"),
        RowFactory.create("d2", 3, 5L, null, null, null, null, "unknown", "unknown")), turns);

    Map<String, List<Object>> speakers = new TreeMap<>();
    for (Row s : r.speakers().collectAsList()) {
      speakers.put(s.getAs("display_name"), List.of(s.getAs("person_id"),
          CollectionConverters.asJava(s.<scala.collection.Seq<String>>getAs("aliases_seen")),
          String.valueOf(s.<String>getAs("organisation")), String.valueOf(s.<String>getAs("organisation_source")),
          s.getAs("stakeholder_group"), s.getAs("stakeholder_group_source"), String.valueOf(s.<String>getAs("gender")),
          String.valueOf(s.<String>getAs("gender_source")), String.valueOf(s.<String>getAs("un_region")),
          s.getAs("first_seen_forum"), s.getAs("first_seen_year"), s.getAs("document_count"), s.getAs("turns"),
          s.getAs("words"), s.getAs("resolution_method"), s.getAs("confidence")));
    }
    assertEquals(Map.of(
        "Lukas Brenner", List.of(lukas, List.of("Brenner", "Lukas Brenner"), "Ministry of Digital Infrastructure",
            "registry", "government", "registry", "man", "registry", "weog", "igf", 2022, 2L, 2L, 11L, "registry",
            0.75),
        "Amara Okafor", List.of(amara, List.of("Amara Okafer", "Amara Okafor"), "Open Net Africa Coalition",
            "registry", "civil_society", "registry", "woman", "form_of_address_speech", "africa", "igf", 2022, 2L,
            2L, 8L, "registry", 0.967),
        "Kwame Mensah", List.of(kwame, List.of("Kwame Mensah"), "Accra Institute of Technology",
            "self_introduction", "academia", "organisation_keywords", "null", "null", "null", "igf", 2022, 1L, 1L,
            14L, "name", 1.0)), speakers);

    List<Row> coverage = r.coverage().orderBy("doc_id").select("doc_id", "turns", "words", "named_words",
        "named_word_share", "persons", "unknown_turns", "self_introduced_turns").collectAsList();
    assertEquals(List.of(RowFactory.create("d1", 4L, 29L, 27L, 27.0 / 29, 3L, 0L, 1L),
        RowFactory.create("d2", 4L, 14L, 6L, 6.0 / 14, 2L, 1L, 0L)), coverage);

    // The three outputs hold to their schema files (conform throws on a mismatch, its null guards when collected).
    SchemaConformance.conform(r.utterances(), Schemas.load(SegmentStage.UTTERANCES), "utterances").collectAsList();
    SchemaConformance.conform(r.speakers(), Schemas.load(ResolveStage.SPEAKERS), "speakers").collectAsList();
    SchemaConformance.conform(r.coverage(), Schemas.load(ResolveStage.COVERAGE), "transcript_coverage").collectAsList();
  }
}
