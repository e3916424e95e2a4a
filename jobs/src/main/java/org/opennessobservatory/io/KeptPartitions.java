package org.opennessobservatory.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataTypes;

/**
 * The forum-year partitions of a stage's datasets that an incremental run takes over, as files, from the run before
 * instead of computing and writing them again. A stage may use it where each forum-year of its outputs is a function
 * of rows it can fingerprint for that forum-year (and of settings and code, which its config names): stage issues,
 * whose mentions and map of a forum-year come from that forum-year's utterances and documents; stage influence, whose
 * rows of a forum-year come from the processes with a document there; and stage segment+resolve, whose utterances and
 * coverage of a forum-year are its rows without their texts (computed over the whole corpus, which decides persons)
 * and the texts of its transcripts.
 *
 * <p>Each run records, per forum-year, a fingerprint of the rows the stage depends on there and the files it wrote;
 * the files are copied into the store ({@code <store>/partitions/<stage>/}), since a run starts by clearing the
 * output root. A later run with the same config whose rows of a forum-year have the same fingerprint copies
 * that forum-year's files into the new datasets and computes only the others. The fingerprint is the count of rows
 * and two sums over them (of a 64-bit and an independent 32-bit hash of every column and its null flag): rows added,
 * removed or changed change it but for a chance of one in 2^96. A file that is not where the record says, or not of its size, makes
 * its forum-year computed again.
 */
public final class KeptPartitions {
  static final String FOLDER = "partitions";
  private static final String RECORD = "record.json";
  private static final String FILES = "files";
  private static final String PARTIAL = ".partial";

  /** A forum-year: the values of the partition columns forum and year (year null where a document has none). */
  public record Key(String forum, Integer year) {}

  /**
   * What a run recorded of one forum-year.
   *
   * @param files per dataset, the files written for it, as paths relative to the dataset's folder, with their sizes
   * @param counts the figures a stage's summary adds up over forum-years
   */
  public record Entry(String forum, Integer year, String fingerprint, Map<String, Map<String, Long>> files,
      Map<String, Long> counts) {
    Key key() {
      return new Key(forum, year);
    }
  }

  /** The record file's content: the config it was made under and its forum-years. */
  record Record(String config, List<Entry> partitions) {}

  private final Configuration conf;
  private final Path folder;
  private final String config;
  private final String outRoot;

  private KeptPartitions(Configuration conf, Path folder, String config, String outRoot) {
    this.conf = conf;
    this.folder = folder;
    this.config = config;
    this.outRoot = outRoot;
  }

  /**
   * @param stage the stage whose datasets these are: its folder in the store
   * @param config what the stage's outputs depend on besides the rows it fingerprints: entries made under another
   *     config (or by another build, {@link Memo#build}) are not taken over
   */
  public static KeptPartitions of(SparkSession spark, Memo memo, String stage, String config, String outRoot) {
    return new KeptPartitions(spark.sparkContext().hadoopConfiguration(),
        new Path(new Path(memo.store(), FOLDER), stage), Memo.build() + "\n" + config, outRoot);
  }

  /**
   * The fingerprint of the rows of each forum-year of {@code inputs} (columns forum and year among them), on the
   * executors; one row per forum-year reaches the driver.
   */
  public static Map<Key, String> fingerprints(Dataset<Row> inputs) {
    // Spark's hashes skip a null column: each column's null flag is hashed too, so that a value moving to another
    // column (one of them becoming null) changes the fingerprint.
    List<Column> columns = new ArrayList<>();
    for (String c : inputs.columns()) {
      columns.add(col(c));
      columns.add(col(c).isNull());
    }
    Column[] all = columns.toArray(Column[]::new);
    Map<Key, String> out = new HashMap<>();
    for (Row r : inputs.groupBy("forum", "year").agg(count(lit(1)),
            sum(xxhash64(all).cast(DataTypes.createDecimalType(38, 0))),
            sum(hash(all).cast(DataTypes.LongType))).collectAsList()) {
      out.put(keyOf(r), r.getLong(2) + ":" + r.getDecimal(3) + ":" + r.getLong(4));
    }
    return out;
  }

  /**
   * The fingerprints of two inputs together, per forum-year of either: a forum-year is unchanged where the rows of
   * both are.
   */
  public static Map<Key, String> combine(Map<Key, String> a, Map<Key, String> b) {
    Map<Key, String> out = new HashMap<>();
    for (Key k : a.keySet()) {
      out.put(k, a.get(k) + "/" + b.getOrDefault(k, ""));
    }
    for (Key k : b.keySet()) {
      out.putIfAbsent(k, "/" + b.get(k));
    }
    return out;
  }

  /** A filter keeping the rows of forum-years other than {@code keys}. */
  public static Column outside(Collection<Key> keys) {
    Column in = lit(false);
    for (Key k : keys) {
      in = in.or(col("forum").eqNullSafe(k.forum()).and(col("year").eqNullSafe(k.year())));
    }
    return in.unary_$bang();
  }

  /**
   * The entries of the run before that this run takes over: same config, same fingerprint now, and every file of
   * every dataset in the store as recorded.
   */
  public Map<Key, Entry> keep(Map<Key, String> fingerprints) {
    Map<Key, Entry> kept = new HashMap<>();
    try {
      FileSystem fs = folder.getFileSystem(conf);
      Path record = new Path(folder, RECORD);
      if (!fs.exists(record)) {
        return kept;
      }
      Record previous;
      try (InputStream in = fs.open(record)) {
        previous = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readValue(in, Record.class);
      } catch (IOException e) {
        // A record cut short, damaged (its checksum) or of another shape: nothing is taken over, and this run
        // writes a new one.
        return kept;
      }
      if (!config.equals(previous.config()) || previous.partitions() == null) {
        return kept;
      }
      for (Entry e : previous.partitions()) {
        if (e.fingerprint() != null && e.files() != null && e.counts() != null
            && e.fingerprint().equals(fingerprints.get(e.key())) && filesInPlace(fs, e)) {
          kept.put(e.key(), e);
        }
      }
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the kept partitions in " + folder, e);
    }
  }

  private boolean filesInPlace(FileSystem fs, Entry e) throws IOException {
    for (Map.Entry<String, Map<String, Long>> dataset : e.files().entrySet()) {
      for (Map.Entry<String, Long> file : dataset.getValue().entrySet()) {
        Path stored = new Path(new Path(new Path(folder, FILES), dataset.getKey()), file.getKey());
        if (!fs.exists(stored) || fs.getFileStatus(stored).getLen() != file.getValue()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Adds to {@code counts} the figures {@code names} of each row of {@code rows} (forum, year, then one long per
   * name): a row per forum-year reaches the driver.
   */
  public static void addCounts(Map<Key, Map<String, Long>> counts, Dataset<Row> rows, String... names) {
    for (Row r : rows.collectAsList()) {
      Map<String, Long> c = counts.computeIfAbsent(keyOf(r), k -> new HashMap<>());
      for (int i = 0; i < names.length; i++) {
        c.put(names[i], r.isNullAt(i + 2) ? 0L : r.getLong(i + 2));
      }
    }
  }

  /** Each figure summed over the given forum-years' counts. */
  public static Map<String, Long> total(Collection<Map<String, Long>> counts) {
    Map<String, Long> t = new HashMap<>();
    counts.forEach(c -> c.forEach((k, v) -> t.merge(k, v, Long::sum)));
    return t;
  }

  /** Each figure summed over the forum-years computed ({@code counts}) and those kept. */
  public static Map<String, Long> total(Map<Key, Map<String, Long>> counts, Map<Key, Entry> kept) {
    List<Map<String, Long>> all = new ArrayList<>(counts.values());
    kept.values().forEach(e -> all.add(e.counts()));
    return total(all);
  }

  /** The files of {@code dataset} in the kept forum-years, as paths relative to the dataset's folder. */
  public static List<String> files(Map<Key, Entry> kept, String dataset) {
    List<String> out = new ArrayList<>();
    for (Entry e : kept.values()) {
      out.addAll(e.files().getOrDefault(dataset, Map.of()).keySet());
    }
    return out;
  }

  /** Where the kept files of {@code dataset} are copied from. */
  public Path source(String dataset) {
    return new Path(new Path(folder, FILES), dataset);
  }

  /**
   * Records this run's forum-years once its datasets are written: the kept entries as they were, and for every other
   * forum-year of {@code fingerprints} the files now in each dataset's folder (copied into the store) and its counts.
   * Files of forum-years no longer recorded leave the store.
   *
   * @param counts per computed forum-year, the figures its entry keeps (missing: all zero)
   */
  public void record(Map<Key, String> fingerprints, Map<Key, Entry> kept, Map<Key, Map<String, Long>> counts,
      List<String> datasets) {
    try {
      FileSystem fs = folder.getFileSystem(conf);
      FileSystem outFs = new Path(outRoot).getFileSystem(conf);
      Map<Key, Map<String, Map<String, Long>>> written = new HashMap<>();
      for (String dataset : datasets) {
        // Qualified, as the listing's paths are, so that they relativize to it.
        Path root = outFs.makeQualified(new Path(outRoot, dataset));
        for (FileStatus f : dataFiles(outFs, root)) {
          String relative = root.toUri().relativize(f.getPath().toUri()).getPath();
          Key key = keyOf(relative);
          // Outside any forum-year (the one file of a dataset written empty), or of a forum-year no fingerprint
          // names: not recorded, so never taken over.
          if (key == null || kept.containsKey(key) || !fingerprints.containsKey(key)) {
            continue;
          }
          FileUtil.copy(outFs, f.getPath(), fs, new Path(source(dataset), relative), false, true, conf);
          written.computeIfAbsent(key, k -> new LinkedHashMap<>())
              .computeIfAbsent(dataset, d -> new LinkedHashMap<>()).put(relative, f.getLen());
        }
      }
      List<Entry> entries = new ArrayList<>(kept.values());
      for (Map.Entry<Key, String> fp : fingerprints.entrySet()) {
        if (!kept.containsKey(fp.getKey())) {
          entries.add(new Entry(fp.getKey().forum(), fp.getKey().year(), fp.getValue(),
              written.getOrDefault(fp.getKey(), Map.of()), counts.getOrDefault(fp.getKey(), Map.of())));
        }
      }
      Path record = new Path(folder, RECORD);
      Path partial = new Path(folder, RECORD + PARTIAL);
      try (FSDataOutputStream out = fs.create(partial, true)) {
        out.write(new ObjectMapper().writeValueAsBytes(new Record(config, entries)));
        out.hsync();
      }
      fs.delete(record, false);
      if (!fs.rename(partial, record)) {
        throw new IOException("cannot move " + partial + " to " + record);
      }
      prune(fs, entries, datasets);
    } catch (IOException e) {
      throw new UncheckedIOException("recording the kept partitions in " + folder, e);
    }
  }

  /** Removes the stored files no entry names. */
  private void prune(FileSystem fs, List<Entry> entries, List<String> datasets) throws IOException {
    for (String dataset : datasets) {
      Set<String> named = new HashSet<>();
      entries.forEach(e -> named.addAll(e.files().getOrDefault(dataset, Map.of()).keySet()));
      Path root = fs.makeQualified(source(dataset));
      for (FileStatus f : dataFiles(fs, root)) {
        if (!named.contains(root.toUri().relativize(f.getPath().toUri()).getPath())) {
          fs.delete(f.getPath(), false);
        }
      }
      deleteEmptyFolders(fs, root);
    }
  }

  /**
   * Removes the folders under {@code dir} that hold no file, and {@code dir} itself if it then holds none. Recursive
   * deletes: a local file system's listing hides the checksum files a folder may still hold.
   */
  private static boolean deleteEmptyFolders(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return true;
    }
    boolean empty = true;
    for (FileStatus f : fs.listStatus(dir)) {
      empty &= f.isDirectory() && deleteEmptyFolders(fs, f.getPath());
    }
    return empty && fs.delete(dir, true);
  }

  /** Parquet files under a dataset's folder (not _SUCCESS, not hidden checksum files); none if it is absent. */
  private static List<FileStatus> dataFiles(FileSystem fs, Path root) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    if (!fs.exists(root)) {
      return out;
    }
    for (FileStatus f : fs.listStatus(root)) {
      String name = f.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (f.isDirectory()) {
        out.addAll(dataFiles(fs, f.getPath()));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** The forum-year of a row whose first two columns are forum and year. */
  private static Key keyOf(Row r) {
    return new Key(r.getString(0), r.isNullAt(1) ? null : r.getInt(1));
  }

  /** The forum-year of a file path {@code forum=…/year=…/part-…}, or null for a file outside such folders. */
  static Key keyOf(String relative) {
    String[] parts = relative.split("/");
    if (parts.length != 3 || !parts[0].startsWith("forum=") || !parts[1].startsWith("year=")) {
      return null;
    }
    String forum = value(parts[0].substring("forum=".length()));
    String year = value(parts[1].substring("year=".length()));
    return new Key(forum, year == null ? null : Integer.valueOf(year));
  }

  private static String value(String escaped) {
    String v = ExternalCatalogUtils.unescapePathName(escaped);
    return v.equals(ExternalCatalogUtils.DEFAULT_PARTITION_NAME()) ? null : v;
  }
}
