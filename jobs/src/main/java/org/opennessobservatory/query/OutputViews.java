package org.opennessobservatory.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.cli.UserException;

/**
 * The datasets of an output root as SQL views: every folder holding Parquet files, named after the folder. Folders
 * starting with '_' or '.' (staging) and folders without Parquet (codebook, report) are not datasets.
 */
public final class OutputViews {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private OutputViews() {}

  /** Registers a temporary view per dataset under {@code outRoot}; returns their names, sorted. */
  public static List<String> register(SparkSession spark, String outRoot) {
    Path root = new Path(outRoot);
    List<String> views = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw new UserException("--out " + outRoot + " does not exist; give the output root of a run "
            + "(e.g. ./output after bin/observatory demo)");
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new UserException("--out " + outRoot + " is a file; give the output root of a run");
      }
      for (FileStatus child : fs.listStatus(root)) {
        String name = child.getPath().getName();
        if (child.isDirectory() && NAME.matcher(name).matches() && holdsParquet(fs, child.getPath())) {
          // Partition folders (forum=…/year=…) come back as columns, as DuckDB's hive_partitioning does.
          spark.read().parquet(child.getPath().toString()).createOrReplaceTempView(name);
          views.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + outRoot, e);
    }
    if (views.isEmpty()) {
      throw new UserException("--out " + outRoot + " holds no dataset (no folder with Parquet files); give the "
          + "output root of a run");
    }
    views.sort(null);
    return views;
  }

  private static boolean holdsParquet(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }
}
