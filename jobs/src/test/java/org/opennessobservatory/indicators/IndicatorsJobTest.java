package org.opennessobservatory.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** The job over the fixture written as an earlier run would: both datasets written, matching their schema files. */
class IndicatorsJobTest extends SparkTestBase {
  @TempDir
  Path tmp;

  @Test
  void writesBothDatasetsAsTheirSchemasSay() throws Exception {
    Path out = tmp.resolve("out");
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus.resolve("registry"));
    Files.writeString(corpus.resolve(Attendance.PATH), IndicatorsFixture.ATTENDANCE_CSV);
    Files.writeString(corpus.resolve(ProcessEvents.PATH), IndicatorsFixture.PROCESS_EVENTS_CSV);
    // Only the columns the stage reads: the job reads with the schema files, other columns come back null.
    IndicatorsFixture.documents(spark()).write().partitionBy("forum", "year").parquet(out.resolve("documents")
        .toString());
    IndicatorsFixture.utterances(spark()).write().partitionBy("forum", "year").parquet(out.resolve("utterances")
        .toString());
    IndicatorsFixture.speakers(spark()).write().parquet(out.resolve("speakers").toString());

    IndicatorsJob.Summary summary = IndicatorsJob.run(spark(), corpus.toString(), out.toString(),
        new DatasetWriter(spark(), out.toString()));

    Assertions.assertEquals(5, summary.sessionRows()); // sessions 0, A and B, and B's two transcripts
    Assertions.assertEquals(3, summary.forumYearRows());
    // igf 2023: 1 total + 2 onsite + 7 groups + 3 genders; igf 2022: 1 total + 6 groups + 3 genders
    Assertions.assertEquals(23, summary.attendanceFigures());
    Assertions.assertEquals(1, summary.processEventRows());
    Assertions.assertEquals(DissentLexicon.standard().version(), summary.dissentLexiconVersion());
    for (String name : new String[] {IndicatorsStage.SESSIONS, IndicatorsStage.FORUM_YEARS}) {
      Dataset<Row> written = spark().read().parquet(out.resolve(name).toString());
      Assertions.assertEquals(types(Schemas.load(name)), types(written.schema()), name + " as written");
    }
    Row igf = spark().read().parquet(out.resolve(IndicatorsStage.FORUM_YEARS).toString())
        .filter("forum = 'igf' AND year = 2023").first();
    Assertions.assertEquals(0.18, igf.<Double>getAs("presence_gap_max_group"), 1e-9);
    Assertions.assertEquals(2023, (int) igf.<Integer>getAs("year"));

    // The documents' forum spelt with a hyphen in a registry table would join no document: the run stops.
    Files.writeString(corpus.resolve(ProcessEvents.PATH), IndicatorsFixture.PROCESS_EVENTS_CSV.replace("\nigf,",
        "\nI-GF,"));
    UserException e = Assertions.assertThrows(UserException.class, () -> IndicatorsJob.run(spark(),
        corpus.toString(), out.toString(), new DatasetWriter(spark(), out.toString())));
    Assertions.assertTrue(e.getMessage().endsWith("process-events.csv line 2: forum 'i-gf' (as slugged) is the "
        + "documents' forum 'igf' spelt otherwise, so its rows would match no document; write igf as the documents do"),
        e.getMessage());
  }

  @Test
  void aMissingInputIsAUserError() {
    UserException e = Assertions.assertThrows(UserException.class, () -> IndicatorsJob.run(spark(),
        tmp.resolve("corpus").toString(), tmp.resolve("out").toString(),
        new DatasetWriter(spark(), tmp.resolve("out").toString())));
    Assertions.assertTrue(e.getMessage().endsWith("documents does not exist: run the stages before indicators "
        + "(ingest, segment, resolve) into the same --out first"), e.getMessage());
  }

  /** Column name to type; partition columns come back last, so order is not compared. */
  private static Map<String, String> types(StructType schema) {
    Map<String, String> types = new TreeMap<>();
    for (StructField f : schema.fields()) {
      types.put(f.name(), f.dataType().catalogString());
    }
    return types;
  }
}
