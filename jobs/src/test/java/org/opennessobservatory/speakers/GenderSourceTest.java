package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.transcripts.SegmentStage;

/**
 * Gender is never guessed from a first name (DESIGN.md §6): persons with first names most readers would take for
 * a woman's or a man's, and nothing else, stay unknown; only the registry's declaration or a form of address
 * gives a gender, and its source is recorded.
 */
class GenderSourceTest extends SparkTestBase {
  private static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType)
      .add("session_id", DataTypes.StringType).add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType)
      .add("language", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("doc_type", DataTypes.StringType);

  @Test
  void genderComesFromTheRegistryOrAFormOfAddressOnly() {
    String transcript = ">> MARIA GONZALEZ: Good morning, everyone, and welcome.\n"
        + ">> ELIZABETH WARD: Thank you. Access comes first for us.\n"
        + ">> JOHN SMITH: I agree with the previous speaker.\n"
        + ">> EMILY CLARK: Our registry entry leaves gender blank.\n"
        + ">> KARIN OLSEN: Thank you for having me.\n"
        + ">> MARIA GONZALEZ: Thank you, Ms. Olsen. Next, Anna Berg.\n"
        + ">> ANNA BERG: Hello from the registry.\n";
    String registry = """
        name,aliases,organisation,stakeholder_group,gender,country,region,valid_from,valid_to,source
        Emily Clark,,Example University,academia,,GB,,,,test
        Anna Berg,,Example Ministry,government,man,SE,,,,test
        """;
    var r = ResolveStage.resolve(spark(), SegmentStage.utterances(spark().createDataFrame(
            List.of(RowFactory.create("d1", "s1", "igf", 2023, "en", transcript, "transcript")), DOCUMENTS)),
        ResolveStage.Lookups.of(Registry.of(CsvTable.read(new StringReader(registry), "people.csv",
            Registry.COLUMNS), UnRegions.shipped()), StakeholderKeywords.shipped()), true);
    Map<String, List<String>> gender = new TreeMap<>();
    for (Row s : r.speakers().collectAsList()) {
      gender.put(s.getAs("display_name"), Arrays.asList(s.<String>getAs("gender"), s.<String>getAs("gender_source")));
    }
    assertEquals(Map.of(
        "Maria Gonzalez", Arrays.asList(null, null),
        "Elizabeth Ward", Arrays.asList(null, null),
        "John Smith", Arrays.asList(null, null),
        "Emily Clark", Arrays.asList(null, null),
        "Karin Olsen", List.of("woman", "form_of_address_speech"),
        // The registry's declaration stands, whatever the first name suggests.
        "Anna Berg", List.of("man", "registry")), gender);
  }
}
