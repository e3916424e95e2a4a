package org.opennessobservatory.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * What an incremental run keeps between runs: the results of a costly pure function (a Tika parse, a transcript's
 * turns, an issue match, a process's alignments) keyed by the hash of its input and a fingerprint of everything else
 * it depends on (versions, limits, taxonomy, parameters) and of the build that computed it ({@link #build}).
 * Because a result is looked up by what it was computed from, a reused result is exactly the one a full run would
 * compute, whichever run stored it; a stale or half-written store can cost time, never correctness.
 *
 * <p>Each memo (parses, issue matches …) lives in {@code <store>/<name>/<config hash>/<seq>-<run id>.<kind>/} with
 * columns {@code key}, {@code config} and the value columns (one row per key, or per key and part where a result has
 * parts, as a transcript has turns); a generation counts once it has {@code _SUCCESS}. A <i>full</i> generation holds
 * every entry of its run's inputs; a <i>delta</i> only the entries its run computed, none of which an earlier
 * generation holds. A run reads the newest full generation and the deltas after it; it writes a delta, unless it found
 * nothing under its settings or {@link #MAX_DELTAS} deltas, when it writes a full generation (which also drops the
 * entries of files since removed). Generations are ordered by {@code seq}, one more than the highest in their folder
 * when written: not by file times, which a store copied or moved without them (cp, distcp, an upload to S3) loses, and
 * which two quick runs can share. Once the run's manifest is written, {@link #prune} removes what the next run will not
 * read. A run killed before that leaves generations it wrote, which are correct and read or pruned next time. One run
 * at a time per store: two runs writing deltas at once may both store an entry, which later runs would then read twice.
 */
public final class Memo {
  public static final String KEY = "key";
  public static final String CONFIG = "config";
  /** In the entries a run hands to {@link #write}: true for an entry the run computed, false for one it reused. */
  public static final String ADDED = "added";
  /** The store's folder under the output root unless the user names another. */
  public static final String DEFAULT_FOLDER = "_incremental";
  /** Deltas after a full generation before a run writes a full one again: bounds the files a run reads. */
  static final int MAX_DELTAS = 7;
  static final String FULL = "full";
  static final String DELTA = "delta";

  private final SparkSession spark;
  private final Path store;
  private final String runId;
  /** Per memo read: how many deltas its newest full generation has after it (-1: none under these settings). */
  private final Map<String, Integer> deltasRead = new HashMap<>();
  /** Per memo written by this run: the config folder it wrote into. */
  private final Map<String, Path> written = new HashMap<>();

  public Memo(SparkSession spark, String store, String runId) {
    this.spark = spark;
    Path path = new Path(store);
    try {
      // Qualified, so that it compares equal to the paths a listing gives (prune).
      this.store = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the incremental store " + store, e);
    }
    this.runId = runId;
  }

  /**
   * The code every entry was computed by: the observatory's version and the {@link CodeFingerprint} of its classes and
   * reference files (the version alone stays the same across snapshot builds).
   */
  static String build() {
    return "observatory " + org.opennessobservatory.cli.Observatory.versions().getProperty("version") + " code "
        + CodeFingerprint.get();
  }

  public String store() {
    return store.toString();
  }

  /**
   * The entries of memo {@code name} stored under {@code config} by earlier runs, or empty when there are none (first
   * run, other versions or settings). A key (and part) is there once if every run marked {@link #ADDED} only entries
   * that no earlier generation held.
   */
  public Optional<Dataset<Row>> previous(String name, String config) {
    List<Path> live = live(configFolder(name, config));
    deltasRead.put(name, live.size() - 1);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(spark.read().parquet(live.stream().map(Path::toString).toArray(String[]::new)));
  }

  /**
   * Stores this run's entries of memo {@code name}: a delta (the added ones) or a full generation (all).
   *
   * @param entries the entries of this run's inputs, each key (and part) once: {@code key}, {@code config},
   *     {@link #ADDED}, the value columns
   */
  public void write(String name, String config, Dataset<Row> entries) {
    boolean delta = !writesFull(name);
    Path folder = configFolder(name, config);
    String generation = String.format(Locale.ROOT, "%06d-%s.%s", nextSequence(folder), runId,
        delta ? DELTA : FULL);
    (delta ? entries.filter(col(ADDED)) : entries).drop(ADDED).write().mode(SaveMode.Overwrite)
        .parquet(new Path(folder, generation).toString());
    written.put(name, folder);
  }

  /**
   * Whether {@link #write} will store a full generation of memo {@code name} (every entry of this run's inputs) rather
   * than a delta; asked after {@link #previous}.
   */
  public boolean writesFull(String name) {
    int deltas = deltasRead.getOrDefault(name, -1);
    return deltas < 0 || deltas >= MAX_DELTAS;
  }

  /**
   * Called once this run's outputs are complete. In each memo this run wrote, removes what the next run will not
   * read: generations under other settings, before the newest full one, or never finished. Memos of stages this run
   * did not reach are left as they are.
   */
  public void prune() {
    try {
      FileSystem fs = store.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (Map.Entry<String, Path> memo : written.entrySet()) {
        Set<Path> keep = new HashSet<>(live(memo.getValue()));
        for (FileStatus config : fs.listStatus(new Path(store, memo.getKey()))) {
          if (!config.getPath().equals(memo.getValue())) {
            fs.delete(config.getPath(), true);
            continue;
          }
          for (FileStatus generation : fs.listStatus(config.getPath())) {
            if (!keep.contains(generation.getPath())) {
              fs.delete(generation.getPath(), true);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("pruning the incremental store " + store, e);
    }
  }

  /** The finished generations of one config folder that a run reads: the newest full one and the deltas after it. */
  private List<Path> live(Path configFolder) {
    try {
      FileSystem fs = configFolder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(configFolder)) {
        return List.of();
      }
      List<Path> finished = new ArrayList<>();
      for (FileStatus generation : fs.listStatus(configFolder)) {
        if (sequence(generation.getPath()) >= 0 && finished(fs, generation.getPath())) {
          finished.add(generation.getPath());
        }
      }
      // By name where two share a number (two runs at once, which a store does not support): a stable order.
      finished.sort(Comparator.comparingLong(Memo::sequence).thenComparing(Path::getName));
      List<Path> live = new ArrayList<>();
      for (Path generation : finished) {
        if (generation.getName().endsWith("." + FULL)) {
          live.clear();
        }
        if (!live.isEmpty() || generation.getName().endsWith("." + FULL)) {
          live.add(generation);
        }
      }
      return live;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the incremental store " + store, e);
    }
  }

  private static boolean finished(FileSystem fs, Path generation) throws IOException {
    return fs.exists(new Path(generation, DatasetWriter.SUCCESS));
  }

  /** A generation's sequence number ({@code <seq>-<run id>.<kind>}); -1 for a name of another form. */
  static long sequence(Path generation) {
    String name = generation.getName();
    int dash = name.indexOf('-');
    if (dash <= 0 || dash > 18 || !name.substring(0, dash).chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(name.substring(0, dash));
  }

  /** One more than the highest sequence number in {@code configFolder}, finished or not (1 in a new folder). */
  private long nextSequence(Path configFolder) {
    try {
      FileSystem fs = configFolder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      long highest = 0;
      if (fs.exists(configFolder)) {
        for (FileStatus generation : fs.listStatus(configFolder)) {
          highest = Math.max(highest, sequence(generation.getPath()));
        }
      }
      return highest + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the incremental store " + store, e);
    }
  }

  /**
   * A config's folder: named by a hash of the config and of the build ({@link #build}), so that entries made under
   * other settings or by other code are never read, whatever the memo's own config says.
   */
  private Path configFolder(String name, String config) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((build() + "\n" + config).getBytes(StandardCharsets.UTF_8));
      return new Path(new Path(store, name), java.util.HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
