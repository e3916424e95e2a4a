package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.sketch.BloomFilter;
import org.opennessobservatory.io.HadoopConf;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.schema.Schemas;

/** The ingest stage as functions from Datasets to Datasets; {@link IngestJob} does the listing and writing. */
public final class IngestStage {
  private IngestStage() {}

  /**
   * A listed input file.
   *
   * @param refused when the listing already knows the file must not be read (a link out of the corpus, a named
   *     pipe …): the reason it becomes, with {@code refusal} saying why; else null
   */
  public record InputFile(String path, String relPath, long size, RejectReason refused, String refusal) {
    public InputFile(String path, String relPath, long size) {
      this(path, relPath, size, null, null);
    }
  }

  public static final StructType FILES_SCHEMA = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("rel_path", DataTypes.StringType, false)
      .add("size_bytes", DataTypes.LongType, false)
      .add("refused", DataTypes.StringType, true)
      .add("refusal", DataTypes.StringType, true);

  /**
   * Files per task, at most: every later pass over the cached records runs one task per partition, so partitions
   * stay few (measured: 100 partitions of 16 files cost ~1.5 s per pass on 2 cores). Dealing by size keeps even
   * large partitions balanced.
   */
  static final int FILES_PER_PARTITION = 200;

  /**
   * The listed files as a Dataset whose partitions hold similar byte totals: files sorted by size, largest first,
   * dealt round-robin, so that no task gets all the big PDFs. Deterministic for a given listing.
   */
  public static Dataset<Row> files(SparkSession spark, List<InputFile> files) {
    List<InputFile> sorted = new ArrayList<>(files);
    sorted.sort((a, b) -> a.size() != b.size() ? Long.compare(b.size(), a.size())
        : a.relPath().compareTo(b.relPath()));
    int partitions = Math.max(1, Math.min(sorted.size(),
        Math.max(2 * spark.sparkContext().defaultParallelism(), sorted.size() / FILES_PER_PARTITION)));
    List<List<Row>> dealt = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < sorted.size(); i++) {
      InputFile f = sorted.get(i);
      dealt.get(i % partitions).add(RowFactory.create(f.path(), f.relPath(), f.size(),
          f.refused() == null ? null : f.refused().name(), f.refusal()));
    }
    // As many slices as elements: parallelize puts hand i in partition i, with no shuffle to place the rows.
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(dealt, partitions)
        .flatMap(List::iterator);
    return spark.createDataFrame(rows, FILES_SCHEMA);
  }

  /** One ingest record per file (see {@link IngestRecords}). */
  public static Dataset<Row> parse(Dataset<Row> files, Map<String, ManifestEntry> manifest, ParseLimits limits,
      HadoopConf hadoopConf) {
    StructType schema = IngestRecords.schema();
    return files.mapPartitions(new IngestTask(broadcast(files, manifest), limits, hadoopConf, schema, null, false),
        Encoders.row(schema));
  }

  /**
   * The records of an incremental ingest, and the first pass they come from, persisted: the caller unpersists it
   * once the records are materialised.
   */
  public record Reusing(Dataset<Row> records, Dataset<Row> firstPass) {}

  /**
   * One ingest record per file, as {@link #parse} gives, but files whose bytes an earlier run parsed under the same
   * name are not parsed again: their stored result is used. Every ok parse keeps its result's bytes ({@code parsed})
   * for the next run.
   *
   * @param stored the parse memo: {@code key} = {@link IngestRecords#memoKey} (SHA-256 of the bytes and the file
   *     name), {@code parsed} = the result's bytes
   * @param expected about how many entries {@code stored} holds (sizes the Bloom filter)
   */
  public static Reusing parse(Dataset<Row> files, Map<String, ManifestEntry> manifest, ParseLimits limits,
      HadoopConf hadoopConf, Dataset<Row> stored, long expected) {
    StructType schema = IngestRecords.schema();
    Broadcast<Map<String, ManifestEntry>> shared = broadcast(files, manifest);
    // Built on the executors from the stored hashes: the driver never holds the list of a corpus's documents. At 1%
    // false yes, about one file in a hundred new ones is read twice (see ReusedParses); no file is wrongly reused.
    // (Dataset.stat().bloomFilter fails on an empty memo in Spark 4.2: the first run's case.)
    BloomFilter hashes = stored.select(col(Memo.KEY)).javaRDD().aggregate(
        BloomFilter.create(Math.max(1_000, expected), 0.01),
        (filter, row) -> {
          filter.putString(row.getString(0));
          return filter;
        },
        BloomFilter::mergeInPlace);
    Broadcast<BloomFilter> sharedHashes =
        JavaSparkContext.fromSparkContext(files.sparkSession().sparkContext()).broadcast(hashes);
    Dataset<Row> first = files.mapPartitions(new IngestTask(shared, limits, hadoopConf, schema, sharedHashes, true),
        Encoders.row(schema)).persist(StorageLevel.MEMORY_AND_DISK());
    Column reused = coalesce(col(IngestRecords.REUSED), lit(false));
    Dataset<Row> completed = first.filter(reused)
        .select(col("path"), col("rel_path"), col("size_bytes"), col("doc_id"), col(IngestRecords.MEMO_KEY))
        .join(stored.select(col(Memo.KEY), col(IngestRecords.PARSED)),
            col(IngestRecords.MEMO_KEY).equalTo(col(Memo.KEY)), "left")
        .select(col("path"), col("rel_path"), col("size_bytes"), col("doc_id"), col(IngestRecords.PARSED))
        .mapPartitions(new ReusedParses(new IngestTask(shared, limits, hadoopConf, schema, null, true)),
            Encoders.row(schema));
    return new Reusing(first.filter(not(reused)).unionByName(completed), first);
  }

  /** Broadcast, not captured: a manifest of a large archive would otherwise travel with every task. */
  private static Broadcast<Map<String, ManifestEntry>> broadcast(Dataset<Row> files,
      Map<String, ManifestEntry> manifest) {
    return JavaSparkContext.fromSparkContext(files.sparkSession().sparkContext()).broadcast(manifest);
  }

  /**
   * Settles byte-identical files: one is kept as the document, the others become rejects with reason duplicate and
   * duplicate_of naming the kept one. The kept one is the first in path order among those the manifest lists (their
   * metadata is the curated one), else the first of all.
   */
  public static Dataset<Row> settleDuplicates(Dataset<Row> records) {
    Column parsed = col(IngestRecords.REASON).isNull();
    WindowSpec sameBytes = Window.partitionBy(col("doc_id"), parsed)
        .orderBy(col("metadata_source").equalTo("manifest").desc(), col("rel_path"));
    Column kept = first(col("rel_path")).over(sameBytes);
    Column duplicateOf = col(IngestRecords.DUPLICATE_OF);
    return records
        .withColumn(IngestRecords.DUPLICATE_OF, when(parsed.and(kept.notEqual(col("rel_path"))), kept))
        .withColumn(IngestRecords.REASON,
            when(duplicateOf.isNotNull(), lit(RejectReason.DUPLICATE.id())).otherwise(col(IngestRecords.REASON)))
        .withColumn(IngestRecords.MESSAGE, when(duplicateOf.isNotNull(),
            concat(lit("identical bytes to "), duplicateOf)).otherwise(col(IngestRecords.MESSAGE)));
  }

  /** The documents among settled records. */
  public static Dataset<Row> documents(Dataset<Row> settled) {
    return settled.filter(col(IngestRecords.REASON).isNull()).select(columnsOf("documents"));
  }

  /** The rejects among settled records. */
  public static Dataset<Row> rejects(Dataset<Row> settled) {
    return settled.filter(col(IngestRecords.REASON).isNotNull()).select(columnsOf("rejects"));
  }

  private static Column[] columnsOf(String dataset) {
    return java.util.Arrays.stream(Schemas.load(dataset).fieldNames()).map(n -> col(n)).toArray(Column[]::new);
  }
}
