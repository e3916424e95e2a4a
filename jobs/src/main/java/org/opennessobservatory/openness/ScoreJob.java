package org.opennessobservatory.openness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;

/**
 * Stage score's I/O: the rubric ({@code --rubric FILE} on any Hadoop file system, else the shipped default) checked
 * first, then {@code forum_year_indicators} and {@code documents} read from the output root, and
 * {@code openness_criteria} and {@code openness_index} written, partitioned by forum and year.
 */
public final class ScoreJob {
  private ScoreJob() {}

  /** Where the rubric is named when it is the shipped one. */
  public static final String DEFAULT_RUBRIC = "default (reference/openness-rubric.yaml)";

  /**
   * @param rubric the rubric's file, or {@link #DEFAULT_RUBRIC}
   * @param forumYears forum-years scored (rows of openness_index)
   * @param forumYearsWithOverall forum-years with at least one criterion assessed (an overall and a rank)
   * @param criteriaAssessed rows of openness_criteria with a score
   * @param criteriaNotAssessed rows of openness_criteria without evidence
   */
  public record Summary(String rubric, String rubricVersion, int rubricCriteria, long forumYears,
      long forumYearsWithOverall, long criteriaAssessed, long criteriaNotAssessed) {}

  /**
   * The indicator names a rubric may read: the columns (but forum and year) of
   * {@code schemas/forum_year_indicators.json} when that schema is on the class path, else the interim contract
   * {@link IndicatorNames#FORUM_YEAR}.
   */
  public static Set<String> knownIndicators() {
    if (ScoreJob.class.getClassLoader().getResource("schemas/" + ScoreStage.INDICATORS + ".json") == null) {
      return IndicatorNames.FORUM_YEAR;
    }
    Set<String> names = new TreeSet<>(Set.of(Schemas.load(ScoreStage.INDICATORS).fieldNames()));
    names.remove("forum");
    names.remove("year");
    return names;
  }

  /**
   * Reads and checks the rubric — call it before any other work so that a faulty rubric costs nothing.
   *
   * @param path the rubric file (local, hdfs://, s3a://), or null for the shipped default
   * @throws UserException with the reader's one-line message naming file, line, criterion and fault
   */
  public static Rubric rubric(String path, Configuration conf) {
    Set<String> known = knownIndicators();
    if (path == null) {
      return Rubric.loadDefault(known);
    }
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (Reader reader = new InputStreamReader(fs.open(p), StandardCharsets.UTF_8)) {
        return Rubric.parse(reader, path, known);
      }
    } catch (IOException e) {
      throw new UserException(path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads the rubric at {@code rubricPath} (null: the shipped default), then scores as
   * {@link #run(SparkSession, String, Rubric, String, DatasetWriter)} does.
   */
  public static Summary run(SparkSession spark, String outRoot, String rubricPath, DatasetWriter writer) {
    Rubric rubric = rubric(rubricPath, spark.sparkContext().hadoopConfiguration());
    return run(spark, outRoot, rubric, rubricPath == null ? DEFAULT_RUBRIC : rubricPath, writer);
  }

  /**
   * Scores every forum-year of {@code <outRoot>/forum_year_indicators} and writes both datasets.
   *
   * @param rubricSource how the summary names the rubric (its path)
   * @throws UserException when an input dataset is missing or the indicators lack a column the rubric reads
   */
  public static Summary run(SparkSession spark, String outRoot, Rubric rubric, String rubricSource,
      DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Dataset<Row> indicators = StageInputs.readAsWritten(spark,
        StageInputs.path(outRoot, ScoreStage.INDICATORS, "stage indicators", conf));
    Dataset<Row> documents = StageInputs.readAsWritten(spark,
        StageInputs.path(outRoot, ScoreStage.DOCUMENTS, "stage ingest", conf));
    ScoreStage.Scores scores = ScoreStage.score(spark, indicators, documents, rubric);
    Dataset<Row> criteria = scores.criteria().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> index = scores.index().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row c = criteria.agg(count(when(col("assessed"), 1)), count(when(col("assessed").equalTo(false), 1)))
          .first();
      Row i = index.agg(count("*"), count(col("overall"))).first();
      writer.write(ScoreStage.CRITERIA, criteria, c.getLong(0) + c.getLong(1) == 0, "forum", "year");
      writer.write(ScoreStage.INDEX, index, i.getLong(0) == 0, "forum", "year");
      return new Summary(rubricSource, rubric.version(), rubric.criteria().size(), i.getLong(0), i.getLong(1),
          c.getLong(0), c.getLong(1));
    } finally {
      criteria.unpersist();
      index.unpersist();
    }
  }
}
