package org.opennessobservatory.query;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.cli.UserException;

/**
 * A query result written as one file, CSV (with a header) or Parquet by the name's extension. Spark writes a folder
 * of part files; the result is written as one part into a hidden folder beside the target and moved into place, so
 * the user gets the single file they named and never a half-written one.
 */
public final class ResultFile {
  public enum Format { CSV, PARQUET }

  private ResultFile() {}

  /** The format the file name asks for; anything else is a user error, found before the query runs. */
  public static Format format(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    throw new UserException("--to " + file + ": name a file ending in .csv or .parquet");
  }

  public static void write(Dataset<Row> result, String file) {
    Format format = format(file);
    Path target = new Path(file);
    try {
      FileSystem fs = target.getFileSystem(result.sparkSession().sparkContext().hadoopConfiguration());
      if (fs.exists(target)) {
        throw new UserException("--to " + file + " already exists; remove it or name another file");
      }
      Path parent = target.getParent() == null ? new Path(".") : target.getParent();
      Path staging = new Path(parent, "." + target.getName() + "-" + UUID.randomUUID());
      try {
        if (format == Format.CSV) {
          // CSV has no nested values: arrays, maps and structs are written as Spark prints them ([a, b]).
          // A quote inside a value is doubled (RFC 4180), as spreadsheets and pandas expect.
          flat(result).coalesce(1).write().option("header", true).option("escape", "\"").csv(staging.toString());
        } else {
          result.coalesce(1).write().parquet(staging.toString());
        }
        FileStatus[] parts = fs.listStatus(staging, p -> p.getName().startsWith("part-"));
        if (parts.length != 1) {
          throw new IOException("expected one part file in " + staging + ", found " + parts.length);
        }
        // Past a local disk's checksum layer, or its .crc file would come along beside the user's file.
        FileSystem move = fs instanceof ChecksumFileSystem local ? local.getRawFileSystem() : fs;
        if (!move.rename(parts[0].getPath(), target)) {
          throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
        }
      } finally {
        fs.delete(staging, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  private static Dataset<Row> flat(Dataset<Row> result) {
    return result.select(Arrays.stream(result.schema().fields()).map(ResultFile::flat).toArray(Column[]::new));
  }

  private static Column flat(StructField f) {
    boolean nested = f.dataType() instanceof ArrayType || f.dataType() instanceof MapType
        || f.dataType() instanceof StructType;
    Column c = col(QueryRunner.quoted(f.name()));
    return nested ? c.cast("string").as(f.name()) : c;
  }
}
