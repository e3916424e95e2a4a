package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage segment on a hand-made documents Dataset: only transcripts, one row per turn, the schema's columns. */
class SegmentStageTest extends SparkTestBase {
  private static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType)
      .add("session_id", DataTypes.StringType).add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType)
      .add("language", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("doc_type", DataTypes.StringType);

  @Test
  void transcriptsBecomeOneRowPerTurn() {
    String transcript = ">> MODERATOR: Welcome. Who is first?\n>> ANA PEREZ, Open Net: Me. [ Applause ] Thanks.\n";
    Dataset<Row> documents = spark().createDataFrame(List.of(
        RowFactory.create("d1", "ws-1", "igf", 2023, "en", transcript, "transcript"),
        RowFactory.create("d2", null, "igf", 2023, "en", ">> NOT: a transcript", "agenda"),
        RowFactory.create("d3", null, "igf", 2023, "en", "Good morning. No labels here at all.", "transcript")),
        DOCUMENTS);
    Dataset<Row> utterances = SegmentStage.utterances(documents);
    assertEquals(List.of(Schemas.load(SegmentStage.UTTERANCES).fieldNames()), List.of(utterances.columns()));
    Row unlabelled = utterances.filter("doc_id = 'd3'").first();
    assertEquals(List.of("unknown", false, 7L), List.of(unlabelled.getAs("role"),
        unlabelled.getAs("transcript_labelled"), unlabelled.getAs("words")), "one unknown turn, flagged");
    Dataset<Row> actual = plain(utterances.filter("doc_id = 'd1'").select("doc_id", "turn_index", "label_raw",
        "speaker_name", "role", "organisation", "text", "start_char", "end_char", "words", "sentences", "questions",
        "stage_directions", "removed_words", "transcript_labelled").orderBy("turn_index"));
    StructType expectedSchema = new StructType().add("doc_id", DataTypes.StringType, false)
        .add("turn_index", DataTypes.IntegerType, false).add("label_raw", DataTypes.StringType)
        .add("speaker_name", DataTypes.StringType).add("role", DataTypes.StringType, false)
        .add("organisation", DataTypes.StringType).add("text", DataTypes.StringType, false)
        .add("start_char", DataTypes.IntegerType, false).add("end_char", DataTypes.IntegerType, false)
        .add("words", DataTypes.LongType, false).add("sentences", DataTypes.LongType, false)
        .add("questions", DataTypes.LongType, false).add("stage_directions", DataTypes.IntegerType, false)
        .add("removed_words", DataTypes.LongType, false).add("transcript_labelled", DataTypes.BooleanType, false);
    // Offsets by hand: the second marker is at 37; the text is 37 + 49 = 86 characters long.
    assertDataFrameEquals(spark().createDataFrame(List.of(
        RowFactory.create("d1", 0, "MODERATOR", null, "moderator", null, "Welcome. Who is first?", 0, 37, 4L, 2L,
            1L, 0, 0L, true),
        RowFactory.create("d1", 1, "ANA PEREZ, Open Net", "Ana Perez", "panelist", "Open Net", "Me. Thanks.", 37,
            86, 2L, 2L, 0L, 1, 1L, true)), expectedSchema), actual);
  }

  @Test
  void eachTurnCarriesItsDissentMarkersByKind() {
    // By hand: turn 0 one disagreement ("I disagree"); turn 1 an objection ("we object") and a reservation ("we
    // have concerns"), "disagreeable" being no marker (whole words only); turn 2 none.
    String transcript = ">> CHAIR: I disagree with that.\n>> ANA PEREZ: We object, and we have concerns. How"
        + " disagreeable.\n>> CHAIR: Thank you.\n";
    List<Row> rows = SegmentStage.utterances(spark().createDataFrame(List.of(
            RowFactory.create("d1", "ws-1", "igf", 2023, "en", transcript, "transcript")), DOCUMENTS))
        .orderBy("turn_index").select("dissent_markers_disagreement", "dissent_markers_objection",
            "dissent_markers_reservation").collectAsList();
    assertEquals(List.of(RowFactory.create(1L, 0L, 0L), RowFactory.create(0L, 1L, 1L), RowFactory.create(0L, 0L, 0L)),
        rows);
  }
}
