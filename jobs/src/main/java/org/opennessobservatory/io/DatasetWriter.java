package org.opennessobservatory.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.opennessobservatory.schema.SchemaConformance;
import org.opennessobservatory.schema.Schemas;

/**
 * Writes a dataset as Parquet under the output root, held to its schema file. The data goes to a staging folder
 * first and is renamed into place when whole, so a reader never sees a half-written dataset under its final name.
 */
public final class DatasetWriter {
  public static final String STAGING = "_staging";

  private final SparkSession spark;
  private final Path outRoot;

  public DatasetWriter(SparkSession spark, String outRoot) {
    this.spark = spark;
    this.outRoot = new Path(outRoot);
  }

  /**
   * Writes {@code data} as dataset {@code name}, partitioned by the given columns. An empty dataset is written as one
   * file holding only the schema, unpartitioned: a partitioned write of nothing leaves no file at all, and readers
   * (Spark, DuckDB) then cannot tell its columns.
   */
  public void write(String name, Dataset<Row> data, boolean empty, String... partitionColumns) {
    Dataset<Row> conformed = SchemaConformance.conform(data, Schemas.load(name), name);
    Path staging = new Path(new Path(outRoot, STAGING), name);
    Path target = new Path(outRoot, name);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      // One task per partition value: one file per forum-year folder rather than one per upstream task.
      if (empty || partitionColumns.length == 0) {
        conformed.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
      } else {
        conformed.repartition(Arrays.stream(partitionColumns).map(functions::col).toArray(Column[]::new))
            .write().mode(SaveMode.Overwrite).partitionBy(partitionColumns).parquet(staging.toString());
      }
      if (fs.exists(target) && !fs.delete(target, true)) {
        throw new IOException("cannot remove the previous " + target);
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
      fs.delete(new Path(outRoot, STAGING), false);
    } catch (IOException e) {
      throw new UncheckedIOException("writing dataset " + name, e);
    }
  }

  /** Removes dataset {@code name} from the output root, if there: a stage's output that the run made stale. */
  public void remove(String name) {
    Path target = new Path(outRoot, name);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && !fs.delete(target, true)) {
        throw new IOException("cannot remove " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("removing dataset " + name, e);
    }
  }
}
