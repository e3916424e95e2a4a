package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.HadoopConf;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.io.Utf8Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest stage's I/O: lists the corpus, reads the manifest, runs {@link IngestStage}, checks, writes. */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  public static final String DOCUMENTS = "documents";
  public static final String REJECTS = "rejects";
  /** The memo of an incremental run: Tika's result per SHA-256 of the bytes and file name (ok parses only). */
  public static final String PARSES = "parses";
  private static final StructType PARSES_SCHEMA = new StructType()
      .add(Memo.KEY, DataTypes.StringType, false)
      .add(Memo.CONFIG, DataTypes.StringType, false)
      .add(IngestRecords.PARSED, DataTypes.BinaryType, false);

  private IngestJob() {}

  /**
   * @param manifestPath the manifest, or null for {@code <corpus>/manifest.csv} when it exists
   */
  public static IngestSummary run(SparkSession spark, String corpus, String manifestPath, ParseLimits limits,
      DatasetWriter writer) {
    return run(spark, corpus, manifestPath, limits, writer, null);
  }

  /**
   * @param memo where an incremental run finds earlier parses and keeps its own; null: parse every file
   */
  public static IngestSummary run(SparkSession spark, String corpus, String manifestPath, ParseLimits limits,
      DatasetWriter writer, Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path root = CorpusListing.root(corpus, conf);
    Path manifestFile = manifestPath != null ? new Path(manifestPath) : new Path(root, CorpusListing.MANIFEST);
    Manifest manifest = readManifest(manifestFile, conf, manifestPath != null);
    return ingest(spark, root, manifest.rows() == 0 ? null : manifestFile, manifest,
        CorpusListing.documents(root, conf), limits, writer, memo);
  }

  /**
   * Ingests files already listed, and the manifest rows that name none of them. Files may have changed or vanished
   * since the listing: each still ends as one record (a test calls this with such a listing).
   */
  static IngestSummary ingest(SparkSession spark, Path root, Path manifestFile, Manifest manifest,
      List<IngestStage.InputFile> files, ParseLimits limits, DatasetWriter writer, Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<IngestStage.InputFile> rowsWithoutFile = IngestInputs.rowsWithoutFile(root.toString(), manifest, files);
    List<IngestStage.InputFile> inputs = new ArrayList<>(IngestInputs.refuseFaulty(files, manifest));
    inputs.addAll(rowsWithoutFile);
    Dataset<Row> fileRows = IngestStage.files(spark, inputs);
    String config = memo == null ? null : parseConfig(limits);
    IngestStage.Reusing reusing = memo == null ? null : IngestStage.parse(fileRows, manifest.entries(), limits,
        new HadoopConf(conf), memo.previous(PARSES, config)
            .orElseGet(() -> spark.createDataFrame(List.<Row>of(), PARSES_SCHEMA)), files.size());
    Dataset<Row> records = reusing == null
        ? IngestStage.parse(fileRows, manifest.entries(), limits, new HadoopConf(conf)) : reusing.records();
    Dataset<Row> settled = IngestStage.settleDuplicates(records).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long t0 = System.nanoTime();
      Counts counts = Counts.of(settled);
      if (reusing != null) {
        reusing.firstPass().unpersist();
      }
      checkAccounting(files.size(), rowsWithoutFile.size(), pathSum(files, rowsWithoutFile), counts);
      LOG.info("parsed and accounted for {} files and {} manifest rows without a file in {} ms", files.size(),
          rowsWithoutFile.size(), (System.nanoTime() - t0) / 1_000_000);
      t0 = System.nanoTime();
      writer.write(DOCUMENTS, IngestStage.documents(settled), counts.documents() == 0, "forum", "year");
      writer.write(REJECTS, IngestStage.rejects(settled), counts.rejects() == 0, "forum", "year");
      LOG.info("wrote documents and rejects in {} ms", (System.nanoTime() - t0) / 1_000_000);
      if (memo != null) {
        memo.write(PARSES, config, settled.filter(col(IngestRecords.PARSED).isNotNull())
            .select(col(IngestRecords.MEMO_KEY).as(Memo.KEY), lit(config).as(Memo.CONFIG), col(IngestRecords.PARSED),
                not(coalesce(col(IngestRecords.REUSED), lit(false))).as(Memo.ADDED))
            .dropDuplicates(Memo.KEY));
      }
      return new IngestSummary(root.toString(), manifestFile == null ? null : manifestFile.toString(), files.size(),
          files.stream().mapToLong(IngestStage.InputFile::size).sum(), counts.documents(), counts.rejects(),
          counts.documentsByType(), counts.rejectsByReason(), manifest.rows(), rowsWithoutFile.size(),
          manifest.faults().size(), counts.fingerprint(), counts.reused());
    } finally {
      settled.unpersist();
    }
  }

  /**
   * What an ok parse depends on besides the bytes and the build ({@link Memo}): a stored parse made under another
   * configuration is not reused.
   * Timeouts and the worker heap only decide rejects, which are never stored.
   */
  static String parseConfig(ParseLimits limits) {
    java.util.Properties v = org.opennessobservatory.cli.Observatory.versions();
    return "tika " + v.getProperty("tika.version") + ", max_chars " + limits.maxChars() + ", max_embedded "
        + limits.maxEmbedded();
  }

  /**
   * The manifest at {@code file}; absent and not {@code required}: none. Faults of the whole file are one-line user
   * errors; faults of a row's values are kept in the manifest (they become rejects).
   */
  public static Manifest readManifest(Path file, Configuration conf, boolean required) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!required && !fs.exists(file)) {
        return Manifest.NONE;
      }
      try (InputStream in = fs.open(file)) {
        return Manifest.parse(new StringReader(Utf8Text.read(in, file.toString())), file.toString());
      }
    } catch (FileNotFoundException e) {
      throw new UserException("--manifest " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read the manifest " + file + ": " + TikaExtraction.firstLine(e));
    }
  }

  /**
   * What the accounting and the summary need of the settled records, from one pass over them on the executors: the
   * records by document type or reject reason, how many reused an earlier parse, and two sums of SHA-256 values
   * modulo 2^256, which do not depend on the records' order — of each {@code rel_path} (see {@link #pathSum}) and of
   * each line "rel_path TAB size TAB doc_id" (the corpus fingerprint, in hex).
   */
  record Counts(long records, BigInteger pathSum, Map<String, Long> documentsByType,
      Map<String, Long> rejectsByReason, long reused, String fingerprint) {
    static Counts of(Dataset<Row> settled) {
      Tally t = settled.select(col(IngestRecords.REASON), col("doc_type"), col("rel_path"), col("size_bytes"),
              col("doc_id"), coalesce(col(IngestRecords.REUSED), lit(false)))
          .javaRDD().aggregate(new Tally(), Tally::add, Tally::merge);
      return new Counts(t.records, t.paths, t.byType, t.byReason, t.reused, String.format("%064x", t.lines));
    }

    long documents() {
      return documentsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    long rejects() {
      return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The running totals of {@link Counts}, per partition then merged (aggregate may update them in place). */
  private static final class Tally implements Serializable {
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private long records;
    private long reused;
    private BigInteger paths = BigInteger.ZERO;
    private BigInteger lines = BigInteger.ZERO;

    Tally add(Row r) throws NoSuchAlgorithmException {
      records++;
      if (r.isNullAt(0)) {
        byType.merge(r.getString(1), 1L, Long::sum);
      } else {
        byReason.merge(r.getString(0), 1L, Long::sum);
      }
      if (r.getBoolean(5)) {
        reused++;
      }
      paths = paths.add(new BigInteger(1, sha256(r.getString(2)))).mod(TWO_256);
      lines = lines.add(new BigInteger(1, sha256(r.getString(2) + "\t" + r.getLong(3) + "\t"
          + (r.isNullAt(4) ? "" : r.getString(4))))).mod(TWO_256);
      return this;
    }

    Tally merge(Tally other) {
      other.byType.forEach((k, v) -> byType.merge(k, v, Long::sum));
      other.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
      records += other.records;
      reused += other.reused;
      paths = paths.add(other.paths).mod(TWO_256);
      lines = lines.add(other.lines).mod(TWO_256);
      return this;
    }
  }

  /** The sum of the inputs' {@code rel_path} hashes, as {@link Counts#pathSum} sums them over the records. */
  static BigInteger pathSum(List<IngestStage.InputFile> files, List<IngestStage.InputFile> rowsWithoutFile) {
    BigInteger sum = BigInteger.ZERO;
    try {
      for (List<IngestStage.InputFile> list : List.of(files, rowsWithoutFile)) {
        for (IngestStage.InputFile f : list) {
          sum = sum.add(new BigInteger(1, sha256(f.relPath()))).mod(TWO_256);
        }
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    return sum;
  }

  /**
   * listed files + manifest rows without a file = documents + rejects (each record is one or the other), and each
   * input is exactly one record: as many records as inputs, whose paths hash to the same sum as the inputs' (a file
   * counted twice and another lost would keep the count, not the sum). Anything else is a bug to stop on.
   */
  static void checkAccounting(long files, long rowsWithoutFile, BigInteger inputPathSum, Counts counts) {
    long inputs = files + rowsWithoutFile;
    if (counts.records() != inputs || !counts.pathSum().equals(inputPathSum)) {
      throw new IllegalStateException("ingest accounting broken: " + files + " listed files + " + rowsWithoutFile
          + " manifest rows without a file, " + counts.records() + " records"
          + (counts.pathSum().equals(inputPathSum) ? "" : " whose paths are not the inputs' (one missing, one twice?)")
          + ", " + counts.documents() + " documents + " + counts.rejects() + " rejects");
    }
  }

  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private static byte[] sha256(String line) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
  }
}
