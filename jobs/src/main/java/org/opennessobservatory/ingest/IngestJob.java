package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.HadoopConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest stage's I/O: lists the corpus, reads the manifest, runs {@link IngestStage}, checks, writes. */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  public static final String DOCUMENTS = "documents";
  public static final String REJECTS = "rejects";

  private IngestJob() {}

  /**
   * @param manifestPath the manifest, or null for {@code <corpus>/manifest.csv} when it exists
   */
  public static IngestSummary run(SparkSession spark, String corpus, String manifestPath, ParseLimits limits,
      DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path root = CorpusListing.root(corpus, conf);
    Path manifestFile = manifestPath != null ? new Path(manifestPath) : new Path(root, CorpusListing.MANIFEST);
    Map<String, ManifestEntry> manifest = readManifest(manifestFile, conf, manifestPath != null);
    List<IngestStage.InputFile> files = CorpusListing.documents(root, conf);

    Dataset<Row> records = IngestStage.parse(IngestStage.files(spark, files), manifest, limits,
        new HadoopConf(conf)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> documents = IngestStage.documents(records);
      Dataset<Row> rejects = IngestStage.rejects(records);
      long t0 = System.nanoTime();
      checkAccounting(files.size(), records, documents, rejects);
      LOG.info("parsed and accounted for {} files in {} ms", files.size(), (System.nanoTime() - t0) / 1_000_000);
      t0 = System.nanoTime();
      long documentRows = writer.write(DOCUMENTS, documents, "forum", "year");
      long rejectRows = writer.write(REJECTS, rejects, "forum", "year");
      LOG.info("wrote documents and rejects in {} ms", (System.nanoTime() - t0) / 1_000_000);
      Set<String> listed = files.stream().map(IngestStage.InputFile::relPath).collect(Collectors.toSet());
      return new IngestSummary(root.toString(), manifest.isEmpty() ? null : manifestFile.toString(), files.size(),
          files.stream().mapToLong(IngestStage.InputFile::size).sum(), documentRows, rejectRows,
          countBy(documents, "doc_type"), countBy(rejects, IngestRecords.REASON), manifest.size(),
          manifest.keySet().stream().filter(p -> !listed.contains(p)).sorted().toList(), fingerprint(records));
    } finally {
      records.unpersist();
    }
  }

  private static Map<String, ManifestEntry> readManifest(Path file, Configuration conf, boolean required) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!required && !fs.exists(file)) {
        return Map.of();
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

  /** inputs = documents + rejects, and each input is exactly one of them; anything else is a bug to stop on. */
  static void checkAccounting(long inputs, Dataset<Row> records, Dataset<Row> documents, Dataset<Row> rejects) {
    long recordCount = records.count();
    long distinctPaths = records.select("rel_path").distinct().count();
    long documentCount = documents.count();
    long rejectCount = rejects.count();
    if (recordCount != inputs || distinctPaths != inputs || documentCount + rejectCount != inputs) {
      throw new IllegalStateException("ingest accounting broken: " + inputs + " input files, " + recordCount
          + " records for " + distinctPaths + " distinct paths, " + documentCount + " documents + " + rejectCount
          + " rejects");
    }
  }

  private static Map<String, Long> countBy(Dataset<Row> data, String column) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : data.groupBy(column).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  /** Streamed to the driver one partition at a time: memory does not grow with the corpus. */
  private static String fingerprint(Dataset<Row> records) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Iterator<Row> rows = records.select(col("rel_path"), col("size_bytes"), col("doc_id"))
          .orderBy("rel_path").toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        digest.update((r.getString(0) + "\t" + r.getLong(1) + "\t" + (r.isNullAt(2) ? "" : r.getString(2)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
