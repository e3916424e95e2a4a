package org.opennessobservatory.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.schema.Schemas;

/**
 * What a stage reads besides its own configuration: datasets that earlier stages wrote into the output root, and the
 * optional tables of a corpus's {@code registry/}. A stage run on its own before the stages it needs gets one line
 * naming them, not a Spark "path does not exist" trace.
 */
public final class StageInputs {
  private StageInputs() {}

  /** The path of {@code dataset} under {@code outRoot}; a user error naming the stages to run first when absent. */
  public static String path(String outRoot, String dataset, String earlierStages, Configuration conf) {
    Path path = new Path(outRoot, dataset);
    if (!exists(path, conf)) {
      throw new UserException(path + " does not exist: run " + earlierStages + " into the same --out first");
    }
    return path.toString();
  }

  /** {@link #path} read with the dataset's schema from {@code schemas/}, its descriptions left out. */
  public static Dataset<Row> read(SparkSession spark, String outRoot, String dataset, String earlierStages) {
    return spark.read().schema(Schemas.withoutMetadata(Schemas.load(dataset)))
        .parquet(path(outRoot, dataset, earlierStages, spark.sparkContext().hadoopConfiguration()));
  }

  /** Parquet files read with the columns they carry, but not their metadata ({@link Schemas#withoutMetadata}). */
  public static Dataset<Row> readAsWritten(SparkSession spark, String path) {
    return spark.read().schema(Schemas.withoutMetadata(spark.read().parquet(path).schema())).parquet(path);
  }

  /** Whether a file or folder exists (an optional registry table, an input dataset). */
  public static boolean exists(Path path, Configuration conf) {
    try {
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("looking for " + path, e);
    }
  }
}
