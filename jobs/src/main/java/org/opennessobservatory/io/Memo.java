package org.opennessobservatory.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * What an incremental run keeps between runs: the results of a costly pure function (a Tika parse, an issue match)
 * keyed by the hash of its input and a fingerprint of everything else it depends on (versions, limits, taxonomy).
 * Because a result is looked up by what it was computed from, a reused result is exactly the one a full run would
 * compute, whichever run stored it; a stale or half-written store can cost time, never correctness.
 *
 * <p>Each memo (parses, issue matches …) lives in {@code <store>/<name>/<run id>/} with columns {@code key},
 * {@code config} and the value columns. A run reads the newest generation with {@code _SUCCESS}, writes its own
 * (the entries of its inputs only, so entries of removed files go), and removes the older ones after its run
 * manifest is written ({@link #prune}); a run killed before that leaves an extra generation, pruned next time.
 */
public final class Memo {
  public static final String KEY = "key";
  public static final String CONFIG = "config";
  /** The store's folder under the output root unless the user names another. */
  public static final String DEFAULT_FOLDER = "_incremental";

  private final SparkSession spark;
  private final Path store;
  private final String runId;

  public Memo(SparkSession spark, String store, String runId) {
    this.spark = spark;
    this.store = new Path(store);
    this.runId = runId;
  }

  public String store() {
    return store.toString();
  }

  /**
   * The entries of memo {@code name} stored under {@code config} by an earlier run, or empty when there are none
   * (first run, other versions or settings).
   */
  public Optional<Dataset<Row>> previous(String name, String config) {
    return newest(name).map(p -> spark.read().parquet(p.toString()).filter(col(CONFIG).equalTo(lit(config))));
  }

  /**
   * Stores this run's entries of memo {@code name}: {@code key}, {@code config} and value columns, one row per key.
   */
  public void write(String name, Dataset<Row> entries) {
    entries.write().mode(SaveMode.Overwrite).parquet(generation(name, runId).toString());
  }

  /** Removes every generation but this run's; called once this run's outputs are complete. */
  public void prune() {
    try {
      FileSystem fs = store.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(store)) {
        return;
      }
      for (FileStatus memo : fs.listStatus(store)) {
        for (FileStatus gen : fs.listStatus(memo.getPath())) {
          if (!gen.getPath().getName().equals(runId)) {
            fs.delete(gen.getPath(), true);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("pruning the incremental store " + store, e);
    }
  }

  private Optional<Path> newest(String name) {
    Path memo = new Path(store, name);
    try {
      FileSystem fs = memo.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(memo)) {
        return Optional.empty();
      }
      return Stream.of(fs.listStatus(memo))
          .filter(g -> !g.getPath().getName().equals(runId))
          .map(g -> success(fs, g.getPath()))
          .flatMap(Optional::stream)
          .max(Comparator.comparingLong(FileStatus::getModificationTime))
          .map(s -> s.getPath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the incremental store " + store, e);
    }
  }

  private static Optional<FileStatus> success(FileSystem fs, Path generation) {
    try {
      return Optional.of(fs.getFileStatus(new Path(generation, DatasetWriter.SUCCESS)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Path generation(String name, String id) {
    return new Path(new Path(store, name), id);
  }
}
