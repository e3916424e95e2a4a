package org.opennessobservatory.ingest;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Completes the records an incremental run did not parse: rows of path, rel_path, size_bytes, doc_id and the stored
 * parse result of those bytes under that file name. The stored result gives the document row a parse would give (the
 * metadata comes from this run's manifest); a file without one (the Bloom filter's rare false yes) is ingested in
 * full.
 */
final class ReusedParses implements MapPartitionsFunction<Row, Row> {
  /** An {@link IngestTask} without stored hashes: whatever it ingests, it parses. */
  private final IngestTask task;

  ReusedParses(IngestTask task) {
    this.task = task;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        if (r.isNullAt(4)) {
          return task.ingest(r.getString(0), r.getString(1), r.getLong(2));
        }
        return task.describe(task.record(r.getString(0), r.getString(1), r.getLong(2)).set("doc_id", r.getString(3))
            .set(IngestRecords.MEMO_KEY, IngestRecords.memoKey(r.getString(3), r.getString(1)))
            .set(IngestRecords.REUSED, true), r.getString(1), ParseResult.fromBytes((byte[]) r.get(4)));
      }
    };
  }
}
