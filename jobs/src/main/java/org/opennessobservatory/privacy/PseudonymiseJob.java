package org.opennessobservatory.privacy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.speakers.ResolveJob;
import org.opennessobservatory.speakers.ResolveStage;

/**
 * The last step of a {@code --pseudonymise} run: rewrites every dataset the stages wrote under {@link #plainRoot}
 * into the output root (each through staging, as any write) with persons' ids, names and aliases replaced by keyed
 * hashes, removes the plain ones, and writes the key table only where asked. It runs after every stage (they link
 * persons by name) and before anything is published from the outputs (report, notebooks), which must read the
 * pseudonymised datasets.
 */
public final class PseudonymiseJob {
  public static final String KEY_TABLE_HEADER = "person_id,pseudonym_id,pseudonym,names";

  /**
   * @param persons persons in the directory (registry and speakers)
   * @param nameForms name forms replaced wherever they occur
   * @param keyTable where the key table went, null when not asked for
   */
  public record Summary(int persons, int nameForms, List<String> datasets, String keyTable) {}

  /** Where a pseudonymised run's stages write, under the output root's {@code _staging}. */
  static final String PLAIN_FOLDER = "unpseudonymised";

  private PseudonymiseJob() {}

  /**
   * The output root of a pseudonymised run's stages: inside {@code _staging}, which no reader takes for a dataset
   * and the next run clears (OutputRoot), so that a run killed at any moment never leaves a dataset with real names
   * under its name in the output root, where it would pass for part of the release.
   */
  public static String plainRoot(String out) {
    return new Path(new Path(out, DatasetWriter.STAGING), PLAIN_FOLDER).toString();
  }

  /**
   * Deletes what the stages of a failed pseudonymised run wrote under {@link #plainRoot}: datasets with real names,
   * which the next run would clear, but which must not wait for it. A failure to delete is added to {@code failure}
   * (the run's own), never thrown instead of it.
   */
  public static void discardPlain(String out, Configuration conf, Throwable failure) {
    Path plain = new Path(plainRoot(out));
    try {
      plain.getFileSystem(conf).delete(plain, true);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(new IOException("could not delete " + plain + ", which holds real names: delete it by "
          + "hand", e));
    }
  }

  /**
   * @param plain the output root of the stages, whose datasets hold the real names (removed once all are rewritten)
   * @param writer writes into the release's output root {@code out}
   */
  public static Summary run(SparkSession spark, String corpus, String plain, String out, byte[] key, String keyTable,
      DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    PersonDirectory directory = new PersonDirectory();
    directory.addRegistry(ResolveJob.registry(corpus, conf));
    // One row per person: small enough for the driver, whatever the corpus.
    for (Row r : spark.read().parquet(new Path(plain, ResolveStage.SPEAKERS).toString())
        .select("person_id", "display_name", "aliases_seen").collectAsList()) {
      directory.addSpeaker(r.getString(0), r.getString(1), r.getList(2));
    }
    Pseudonyms pseudonyms = new Pseudonyms(key);
    var byName = directory.pseudonymByName(pseudonyms);
    // Broadcast, not captured: the name patterns grow with the registry and the speakers, and a captured object would
    // travel with every task of every dataset.
    Broadcast<RowPseudonymiser> rows = spark.sparkContext().broadcast(
        new RowPseudonymiser(key, new NameReplacer(byName)), scala.reflect.ClassTag$.MODULE$.apply(
            RowPseudonymiser.class));
    List<String> done = new ArrayList<>();
    try {
      FileSystem fs = new Path(plain).getFileSystem(conf);
      for (FileStatus child : fs.listStatus(new Path(plain))) {
        String name = child.getPath().getName();
        if (child.isDirectory() && Schemas.exists(name)) {
          Dataset<Row> data = spark.read().parquet(child.getPath().toString());
          StructType schema = data.schema();
          MapFunction<Row, Row> pseudonymise = r -> rows.value().apply(r, schema);
          writer.write(name, data.map(pseudonymise, Encoders.row(schema)), data.isEmpty(),
              partitionColumns(fs, child.getPath()));
          done.add(name);
        }
      }
      fs.delete(new Path(plain), true);
      // DatasetWriter leaves the output root's _staging while the plain datasets are in it.
      Path staging = new Path(out, DatasetWriter.STAGING);
      if (fs.exists(staging) && fs.listStatus(staging).length == 0) {
        fs.delete(staging, false);
      }
      if (keyTable != null) {
        writeKeyTable(fs, new Path(keyTable), directory.keyTable(pseudonyms));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("pseudonymising " + out, e);
    } finally {
      // it holds the key and every name: not left in the executors' block stores (which may spill to disk)
      rows.destroy();
    }
    return new Summary(directory.persons(), byName.size(), done, keyTable);
  }

  /** The dataset's partition columns, read off its folder names (forum=…/year=…). */
  static String[] partitionColumns(FileSystem fs, Path dataset) throws IOException {
    List<String> columns = new ArrayList<>();
    Path level = dataset;
    while (true) {
      FileStatus partition = null;
      for (FileStatus s : fs.listStatus(level)) {
        if (s.isDirectory() && s.getPath().getName().contains("=")) {
          partition = s;
          break;
        }
      }
      if (partition == null) {
        return columns.toArray(String[]::new);
      }
      columns.add(partition.getPath().getName().substring(0, partition.getPath().getName().indexOf('=')));
      level = partition.getPath();
    }
  }

  private static void writeKeyTable(FileSystem fs, Path file, List<List<String>> rows) throws IOException {
    try (Writer w = new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(KEY_TABLE_HEADER.split(",")).get())) {
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    }
  }
}
