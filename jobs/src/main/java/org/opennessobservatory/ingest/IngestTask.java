package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.sketch.BloomFilter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.io.HadoopConf;
import org.opennessobservatory.nlp.WordCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns each listed file of a partition into exactly one ingest record: a parsed document or a reject with its
 * reason. Never throws for a bad file; everything it needs travels with it (no static configuration).
 */
final class IngestTask implements MapPartitionsFunction<Row, Row> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestTask.class);
  /** Parses slower than this are logged, so that a researcher can see which files cost the time. */
  private static final long SLOW_PARSE_MILLIS = 2_000;

  private final Broadcast<Map<String, ManifestEntry>> manifest;
  private final ParseLimits limits;
  private final HadoopConf hadoopConf;
  private final StructType schema;
  /** Hashes of the bytes an earlier run parsed (may answer yes wrongly, never no wrongly); null: parse all. */
  private final Broadcast<BloomFilter> stored;
  /** Whether ok parses keep their result's bytes for the parse memo. */
  private final boolean keepParses;

  IngestTask(Broadcast<Map<String, ManifestEntry>> manifest, ParseLimits limits, HadoopConf hadoopConf,
      StructType schema, Broadcast<BloomFilter> stored, boolean keepParses) {
    this.manifest = manifest;
    this.limits = limits;
    this.hadoopConf = hadoopConf;
    this.schema = schema;
    this.stored = stored;
    this.keepParses = keepParses;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> files) {
    // Lazy, one file ahead: at most two files' bytes and texts in memory, whatever the partition's size.
    return new Iterator<Row>() {
      /** The next file, already read and sent to its parse when it needs one. */
      private Step ahead;

      @Override
      public boolean hasNext() {
        return ahead != null || files.hasNext();
      }

      @Override
      public Row next() {
        Step current = ahead != null ? ahead : prepare(files.next());
        ahead = null;
        if (current.done() != null) {
          return current.done();
        }
        ParseResult parsed = current.result();
        // Sent now, the next file is parsed in the worker process while this thread describes the current one: the
        // two overlap instead of taking turns on the cores (plain text is parsed here, when its turn comes). A task
        // ended early leaves it there, which costs nothing (see ParseWorkerPool.start).
        if (files.hasNext()) {
          ahead = prepare(files.next());
        }
        return finish(current, parsed);
      }
    };
  }

  /**
   * A file on its way to its record: either {@code done}, or read and hashed ({@code record}) with its parse, which
   * is either on its way in the worker or, for plain text, done in this thread when its result is asked for.
   */
  private record Step(Row done, IngestRecords.Builder record, String relPath, Supplier<ParseResult> parse,
      long sentNanos) {
    /** The {@code sentNanos} of a parse that starts only when its result is asked for (plain text). */
    static final long NOT_SENT = Long.MIN_VALUE;

    static Step done(Row row) {
      return new Step(row, null, null, null, 0);
    }

    ParseResult result() {
      long from = sentNanos == NOT_SENT ? System.nanoTime() : sentNanos;
      ParseResult parsed = parse.get();
      long millis = (System.nanoTime() - from) / 1_000_000;
      if (millis > SLOW_PARSE_MILLIS) {
        LOG.info("slow parse: {} took {} ms ({})", relPath, millis, parsed.ok() ? "ok" : parsed.reject().id());
      }
      return parsed;
    }
  }

  /** Everything up to the parse, which it starts; a file turned down before it is done at once. */
  private Step prepare(Row file) {
    if (!file.isNullAt(3)) {
      return Step.done(refused(file.getString(0), file.getString(1), file.getLong(2),
          RejectReason.valueOf(file.getString(3)), file.getString(4)));
    }
    return prepare(file.getString(0), file.getString(1), file.getLong(2));
  }

  /** A file turned down before the stage (by the listing or its manifest row): rejected without opening it. */
  Row refused(String path, String relPath, long size, RejectReason reason, String why) {
    return reject(record(path, relPath, size), reason, null, why);
  }

  /** One file's record, parsed in this thread's turn (no overlap): for the rare file an incremental run re-reads. */
  Row ingest(String path, String relPath, long size) {
    Step step = prepare(path, relPath, size);
    return step.done() != null ? step.done() : finish(step, step.result());
  }

  private Step prepare(String path, String relPath, long size) {
    IngestRecords.Builder record = record(path, relPath, size);
    if (size == 0) {
      return Step.done(reject(record, RejectReason.EMPTY, null, "the file has 0 bytes"));
    }
    if (size > limits.maxFileBytes()) {
      return Step.done(reject(record, RejectReason.TOO_LARGE, null,
          size + " bytes is more than the limit of " + limits.maxFileBytes() + " (--max-file-size)"));
    }
    byte[] bytes;
    try {
      bytes = read(path);
    } catch (IOException | RuntimeException e) {
      return Step.done(reject(record, RejectReason.UNREADABLE, e.getClass().getName(), TikaExtraction.firstLine(e)));
    }
    if (bytes.length == 0) {
      return Step.done(reject(record, RejectReason.EMPTY, null, "the file had 0 bytes when it was read"));
    }
    if (bytes.length > limits.maxFileBytes()) {
      return Step.done(reject(record, RejectReason.TOO_LARGE, null, "the file grew past the limit of "
          + limits.maxFileBytes() + " bytes (--max-file-size) after it was listed"));
    }
    String docId = sha256(bytes);
    String memoKey = IngestRecords.memoKey(docId, relPath);
    record.set("doc_id", docId).set(IngestRecords.MEMO_KEY, memoKey);
    if (stored != null && stored.value().mightContainString(memoKey)) {
      return Step.done(record.set(IngestRecords.REUSED, true).build(schema));
    }
    String fileName = CorpusPaths.fileName(relPath);
    PlainText.Detected type = PlainText.detect(bytes, fileName);
    if (type.plain()) {
      return new Step(null, record, relPath, () -> TikaExtraction.extractPlainText(bytes, fileName,
          limits.maxChars(), type.registryType()), Step.NOT_SENT);
    }
    return new Step(null, record, relPath, ParseWorkerPool.start(fileName, bytes, type.registryType(),
        limits)::result, System.nanoTime());
  }

  private Row finish(Step step, ParseResult parsed) {
    IngestRecords.Builder record = step.record().set("media_type", parsed.mediaType());
    if (!parsed.ok()) {
      return reject(record, parsed.reject(), parsed.errorClass(), parsed.message());
    }
    return describe(record, step.relPath(), parsed);
  }

  /** The document row of a file read and hashed (in {@code record}) whose parse succeeded. */
  Row describe(IngestRecords.Builder record, String relPath, ParseResult parsed) {
    ManifestEntry entry = manifest.value().get(relPath);
    if (keepParses) {
      record.set(IngestRecords.PARSED, parsed.toBytes());
    }
    record.set("media_type", parsed.mediaType());
    DocumentMetadata m = DocumentMetadata.resolve(relPath, entry, parsed);
    String text = parsed.text();
    return record
        .set("parser", parsed.parser()).set("charset", parsed.charset())
        .set("title", m.title()).set("author", m.author())
        .set("created", DocumentMetadata.timestamp(parsed.created()))
        .set("modified", DocumentMetadata.timestamp(parsed.modified()))
        .set("page_count", parsed.pageCount() == null ? null : parsed.pageCount().longValue())
        .set("text", text)
        .set("characters", (long) text.codePointCount(0, text.length()))
        .set("words", WordCounter.countWords(text))
        .set("truncated", parsed.truncated())
        .set("embedded_skipped", (long) parsed.embeddedSkipped())
        .set("language", m.language()).set("language_confidence", m.languageConfidence())
        .set("language_source", m.languageSource())
        .set("forum", m.forum()).set("forum_level", m.forumLevel()).set("event", m.event()).set("year", m.year())
        .set("session_id", m.sessionId()).set("session_title", m.sessionTitle())
        .set("session_type", m.sessionType())
        .set("date", m.date() == null ? null : java.sql.Date.valueOf(m.date()))
        .set("doc_type", m.docType())
        .set("published_on", m.publishedOn() == null ? null : java.sql.Date.valueOf(m.publishedOn()))
        .set("author_organisation", m.authorOrganisation())
        .set("author_stakeholder_group", m.authorStakeholderGroup())
        .set("author_country", m.authorCountry()).set("url", m.url())
        .set("metadata_source", m.metadataSource())
        .set("inferred_fields", CollectionConverters.asScala(m.inferredFields()).toSeq())
        .set("extra", CollectionConverters.asScala(m.extra()))
        .build(schema);
  }

  IngestRecords.Builder record(String path, String relPath, long size) {
    ManifestEntry entry = manifest.value().get(relPath);
    return new IngestRecords.Builder()
        .set("path", path).set("rel_path", relPath).set("size_bytes", size)
        .set("forum", DocumentMetadata.forumOf(relPath, entry))
        .set("year", DocumentMetadata.yearOf(relPath, entry));
  }

  private Row reject(IngestRecords.Builder record, RejectReason reason, String errorClass, String message) {
    return record.set(IngestRecords.REASON, reason.id()).set(IngestRecords.ERROR_CLASS, errorClass)
        .set(IngestRecords.MESSAGE, message).build(schema);
  }

  /** Reads at most one byte past the limit, so a file that grew since listing is caught without reading it all. */
  private byte[] read(String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoopConf.get());
    if (fs instanceof LocalFileSystem local) {
      // Without the checksum layer: it looks for a ".name.crc" beside each file, and cannot even name one for a
      // file whose name holds a ':' (URISyntaxException). A corpus has no checksum files.
      fs = local.getRaw();
    }
    try (InputStream in = fs.open(p)) {
      return in.readNBytes((int) Math.min(limits.maxFileBytes() + 1, Integer.MAX_VALUE - 8));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
