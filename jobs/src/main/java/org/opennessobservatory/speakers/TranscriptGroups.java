package org.opennessobservatory.speakers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Row;

/**
 * A partition's utterance rows as one list per transcript, for rows that lie grouped by {@code doc_id}: one
 * transcript in memory at a time, no shuffle. A transcript whose rows come back after another's means the input was
 * not grouped — a bug in the caller, stopped rather than resolved on half a transcript.
 */
final class TranscriptGroups implements Iterator<List<Row>> {
  private final Iterator<Row> rows;
  private final Set<String> done = new HashSet<>();
  private Row next;

  TranscriptGroups(Iterator<Row> rows) {
    this.rows = rows;
    this.next = rows.hasNext() ? rows.next() : null;
  }

  Stream<List<Row>> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public List<Row> next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    String doc = next.getAs("doc_id");
    if (!done.add(doc)) {
      throw new IllegalStateException("utterances of transcript " + doc + " are not together in their partition");
    }
    List<Row> group = new ArrayList<>();
    while (next != null && doc.equals(next.getAs("doc_id"))) {
      group.add(next);
      next = rows.hasNext() ? rows.next() : null;
    }
    return group;
  }
}
