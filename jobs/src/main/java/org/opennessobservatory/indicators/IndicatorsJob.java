package org.opennessobservatory.indicators;

import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.StageInputs;

/**
 * Stage indicators' I/O: documents, utterances and speakers from the output root, the corpus registry's
 * attendance and process-events tables if present; session_indicators and forum_year_indicators written.
 */
public final class IndicatorsJob {
  private IndicatorsJob() {}

  /**
   * @param attendance path of the attendance table read, null when the corpus has none
   * @param processEvents path of the process-events table read, null when the corpus has none
   */
  public record Summary(long sessionRows, long forumYearRows, String attendance, long attendanceFigures,
      String processEvents, long processEventRows, String dissentLexiconVersion) {}

  public static Summary run(SparkSession spark, String corpus, String outRoot, DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path attendancePath = new Path(corpus, Attendance.PATH);
    Path eventsPath = new Path(corpus, ProcessEvents.PATH);
    Attendance attendance = attendance(corpus, conf);
    ProcessEvents events = processEvents(corpus, conf);
    // The lexicon stage segment counted the turns' markers with.
    DissentLexicon lexicon = DissentLexicon.standard();
    Dataset<Row> documents = input(spark, outRoot, "documents");
    if (!attendance.figures().isEmpty() || !events.events().isEmpty()) {
      // A handful of forums: the partition values of documents.
      Set<String> forums = new HashSet<>(documents.select("forum").distinct().as(Encoders.STRING()).collectAsList());
      RegistryForums.check(attendancePath.toString(), attendance.forumLines(), forums);
      RegistryForums.check(eventsPath.toString(), events.forumLines(), forums);
    }
    IndicatorsStage.Indicators out = IndicatorsStage.indicators(spark, documents,
        input(spark, outRoot, "utterances"), input(spark, outRoot, "speakers"), attendance, events,
        lexicon.version());
    Dataset<Row> sessions = out.sessions().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long sessionRows = sessions.count();
      writer.write(IndicatorsStage.SESSIONS, sessions, sessionRows == 0, "forum", "year");
      // The panel reads the sessions again (session means): persisted above so the turns are folded once. The panel
      // itself is persisted too: counted, then written, it would otherwise be computed (and planned: a dozen joins
      // and aggregations) twice.
      Dataset<Row> forumYears = out.forumYears().persist(StorageLevel.MEMORY_AND_DISK());
      long forumYearRows;
      try {
        forumYearRows = forumYears.count();
        writer.write(IndicatorsStage.FORUM_YEARS, forumYears, forumYearRows == 0, "forum", "year");
      } finally {
        forumYears.unpersist();
      }
      return new Summary(sessionRows, forumYearRows,
          attendance.figures().isEmpty() ? null : attendancePath.toString(), attendance.figures().size(),
          events.events().isEmpty() ? null : eventsPath.toString(), events.events().size(), lexicon.version());
    } finally {
      sessions.unpersist();
      out.turnFacts().unpersist();
    }
  }

  /** The corpus's attendance table; an empty one when it has none. */
  public static Attendance attendance(String corpus, Configuration conf) {
    Path path = new Path(corpus, Attendance.PATH);
    return StageInputs.exists(path, conf)
        ? Attendance.of(CsvTable.hadoop(path.toString(), conf, Attendance.COLUMNS)) : Attendance.empty();
  }

  /** The corpus's process-events table; an empty one when it has none. */
  public static ProcessEvents processEvents(String corpus, Configuration conf) {
    Path path = new Path(corpus, ProcessEvents.PATH);
    return StageInputs.exists(path, conf)
        ? ProcessEvents.of(CsvTable.hadoop(path.toString(), conf, ProcessEvents.COLUMNS)) : ProcessEvents.empty();
  }

  /** An earlier stage's dataset, read with its schema file (so partition columns keep their types). */
  private static Dataset<Row> input(SparkSession spark, String outRoot, String name) {
    return StageInputs.read(spark, outRoot, name, "the stages before indicators (ingest, segment, resolve)");
  }
}
