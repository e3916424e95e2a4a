package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    String config = parseConfig(limits);
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
      checkAccounting(files.size(), rowsWithoutFile.size(), counts);
      LOG.info("parsed and accounted for {} files and {} manifest rows without a file in {} ms", files.size(),
          rowsWithoutFile.size(), (System.nanoTime() - t0) / 1_000_000);
      t0 = System.nanoTime();
      writer.write(DOCUMENTS, IngestStage.documents(settled), counts.documents() == 0, "forum", "year");
      writer.write(REJECTS, IngestStage.rejects(settled), counts.rejects() == 0, "forum", "year");
      LOG.info("wrote documents and rejects in {} ms", (System.nanoTime() - t0) / 1_000_000);
      long reused = 0;
      if (memo != null) {
        reused = settled.filter(col(IngestRecords.REUSED).equalTo(true)).count();
        memo.write(PARSES, config, settled.filter(col(IngestRecords.PARSED).isNotNull())
            .select(col(IngestRecords.MEMO_KEY).as(Memo.KEY), lit(config).as(Memo.CONFIG), col(IngestRecords.PARSED),
                not(coalesce(col(IngestRecords.REUSED), lit(false))).as(Memo.ADDED))
            .dropDuplicates(Memo.KEY));
      }
      return new IngestSummary(root.toString(), manifestFile == null ? null : manifestFile.toString(), files.size(),
          files.stream().mapToLong(IngestStage.InputFile::size).sum(), counts.documents(), counts.rejects(),
          counts.documentsByType(), counts.rejectsByReason(), manifest.rows(), rowsWithoutFile.size(),
          manifest.faults().size(), fingerprint(settled), reused);
    } finally {
      settled.unpersist();
    }
  }

  /**
   * What an ok parse depends on besides the bytes: a stored parse made under another configuration is not reused.
   * Timeouts and the worker heap only decide rejects, which are never stored.
   */
  static String parseConfig(ParseLimits limits) {
    java.util.Properties v = org.opennessobservatory.cli.Observatory.versions();
    return "observatory " + v.getProperty("version") + ", tika " + v.getProperty("tika.version") + ", max_chars "
        + limits.maxChars() + ", max_embedded " + limits.maxEmbedded();
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
      try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
        return Manifest.parse(in, file.toString());
      }
    } catch (FileNotFoundException e) {
      throw new UserException("--manifest " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read the manifest " + file + ": " + TikaExtraction.firstLine(e));
    }
  }

  /** Row counts of the settled records, from two small aggregations. */
  record Counts(long records, long distinctPaths, Map<String, Long> documentsByType,
      Map<String, Long> rejectsByReason) {
    static Counts of(Dataset<Row> settled) {
      Map<String, Long> byType = new TreeMap<>();
      Map<String, Long> byReason = new TreeMap<>();
      long records = 0;
      for (Row r : settled.groupBy(IngestRecords.REASON, "doc_type").count().collectAsList()) {
        records += r.getLong(2);
        if (r.isNullAt(0)) {
          byType.merge(r.getString(1), r.getLong(2), Long::sum);
        } else {
          byReason.merge(r.getString(0), r.getLong(2), Long::sum);
        }
      }
      long distinct = settled.select(countDistinct("rel_path")).first().getLong(0);
      return new Counts(records, distinct, byType, byReason);
    }

    long documents() {
      return documentsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    long rejects() {
      return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * listed files + manifest rows without a file = documents + rejects, and each of them is exactly one row; anything
   * else is a bug to stop on.
   */
  static void checkAccounting(long files, long rowsWithoutFile, Counts counts) {
    long inputs = files + rowsWithoutFile;
    if (counts.records() != inputs || counts.distinctPaths() != inputs
        || counts.documents() + counts.rejects() != inputs) {
      throw new IllegalStateException("ingest accounting broken: " + files + " listed files + " + rowsWithoutFile
          + " manifest rows without a file, " + counts.records() + " records for " + counts.distinctPaths()
          + " distinct paths, " + counts.documents() + " documents + " + counts.rejects() + " rejects");
    }
  }

  /**
   * SHA-256 of each line "rel_path TAB size TAB doc_id", summed modulo 2^256: independent of order, so it is
   * computed on the executors in one pass and the driver never holds the file list of a large corpus.
   */
  static String fingerprint(Dataset<Row> settled) {
    BigInteger sum = settled.select(col("rel_path"), col("size_bytes"), col("doc_id")).javaRDD()
        .map(r -> new BigInteger(1, sha256(r.getString(0) + "\t" + r.getLong(1) + "\t"
            + (r.isNullAt(2) ? "" : r.getString(2)))))
        .fold(BigInteger.ZERO, (a, b) -> a.add(b).mod(TWO_256));
    return String.format("%064x", sum);
  }

  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private static byte[] sha256(String line) throws java.security.NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
  }
}
