package org.opennessobservatory.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import java.util.Arrays;
import java.util.List;
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
 * first and is renamed into place when whole, with {@code _SUCCESS}, so a reader never sees a half-written dataset
 * under its final name. Renames within one folder are atomic on local and HDFS file systems (not on S3, where a
 * reader may see a dataset appear file by file: read {@code _run.json} first there).
 */
public final class DatasetWriter {
  public static final String STAGING = "_staging";
  public static final String SUCCESS = "_SUCCESS";
  private static final String REPLACED = ".replaced";

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
    write(name, data, empty, null, List.of(), partitionColumns);
  }

  /**
   * {@link #write}, plus files taken over from an earlier run ({@link KeptPartitions}): {@code kept} are paths
   * relative to {@code keptFrom}, copied to the same paths in the dataset. {@code empty} says whether {@code data}
   * is; with files kept, the dataset is written partitioned all the same.
   */
  public void write(String name, Dataset<Row> data, boolean empty, Path keptFrom, List<String> kept,
      String... partitionColumns) {
    Dataset<Row> conformed = SchemaConformance.conform(data, Schemas.load(name), name);
    Path staging = new Path(new Path(outRoot, STAGING), name);
    Path target = new Path(outRoot, name);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      // One task per partition value: one file per forum-year folder rather than one per upstream task.
      if (empty && kept.isEmpty() || partitionColumns.length == 0) {
        conformed.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
      } else {
        conformed.repartition(Arrays.stream(partitionColumns).map(functions::col).toArray(Column[]::new))
            .write().mode(SaveMode.Overwrite).partitionBy(partitionColumns).parquet(staging.toString());
      }
      for (String file : kept) {
        Path from = new Path(keptFrom, file);
        FileUtil.copy(from.getFileSystem(spark.sparkContext().hadoopConfiguration()), from, fs,
            new Path(staging, file), false, true, spark.sparkContext().hadoopConfiguration());
      }
      // Spark marks a finished job with _SUCCESS unless configured not to; readers and the next run rely on it.
      Path success = new Path(staging, SUCCESS);
      if (!fs.exists(success)) {
        fs.create(success, true).close();
      }
      // Renames only: a recursive delete under the final name, killed half-way, would leave part of the old dataset
      // there, _SUCCESS and all. Moved aside first, it is gone from its name at once; a kill leaves it in _staging,
      // which the next run clears (OutputRoot.prepare).
      Path replaced = new Path(new Path(outRoot, STAGING), name + REPLACED);
      fs.delete(replaced, true);
      if (fs.exists(target) && !fs.rename(target, replaced)) {
        throw new IOException("cannot move the previous " + target + " aside");
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
      fs.delete(replaced, true);
      // Not while it holds anything else: a pseudonymised run keeps its stages' plain datasets there meanwhile.
      Path stagingRoot = new Path(outRoot, STAGING);
      if (fs.listStatus(stagingRoot).length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing dataset " + name, e);
    }
  }
}
