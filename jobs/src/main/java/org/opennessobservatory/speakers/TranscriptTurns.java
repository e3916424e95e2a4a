package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.cli.Observatory;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.transcripts.SegmentStage;

/**
 * The per-transcript work of stage segment+resolve in an incremental run: segmentation into turns, their sentence
 * counts and what each turn says of its speaker (self-introductions need POS tagging: the stage's cost) are a pure
 * function of the transcript's text, so they are kept in the store by the text's SHA-256 and computed only for texts
 * no earlier run saw. Linking names to persons and the profiles stay corpus-wide: a new year's speakers can change
 * who an earlier name is.
 *
 * <p>A memo entry is one turn: the text's key, the turn's index and every column the two steps compute, apart from
 * the document's own (doc_id, session, forum, year, language: this run's manifest decides them). A name that does
 * not identify a person by itself is observed per document ({@code name@doc_id}); the entry keeps the name and
 * whether it was so scoped, and a reuse scopes it to the document it now serves. Names are folded to letters,
 * digits and spaces ({@link NameKey}), so "@" never occurs in one. A transcript in which segmentation finds no turn
 * leaves no entry, and is segmented again by every run.
 */
final class TranscriptTurns {
  private TranscriptTurns() {}

  static final String MEMO = "transcript_turns";
  /** The SHA-256 of the transcript's text, in the turns and the memo entries. */
  static final String TEXT_KEY = "transcript_key";
  private static final String SCOPED = "doc_scoped";
  private static final String SEEN = "seen";
  private static final List<String> DOCUMENT_COLUMNS = List.of("doc_id", "session_id", "forum", "year", "language");

  /** What the entries depend on besides the text and the build (its classes, its keyword list: {@link Memo}). */
  static String memoConfig() {
    return "opennlp models " + Observatory.versions().getProperty("opennlp.models.version");
  }

  /**
   * The turns of every transcript with what each says of its speaker.
   *
   * @param rows the rows {@link ResolveStage#mentions} gives, plus the text's key ({@link #TEXT_KEY}) and
   *     {@link Memo#ADDED}
   * @param computed the turns of the texts no earlier run segmented, persisted and filled: the stage reads the turns
   *     several times, and only these are costly to compute again (the others are a read of the store, which reads
   *     no text where none is needed)
   */
  record Turns(Dataset<Row> rows, Dataset<Row> computed) {}

  /**
   * The turns of every transcript of {@code documents}: reused from {@code stored} for a text an earlier run
   * segmented, computed for the others.
   *
   * @param stored this memo's entries from earlier runs, or null (nothing to reuse)
   */
  static Turns of(Dataset<Row> documents, Broadcast<ResolveStage.Lookups> shared, Dataset<Row> stored) {
    Dataset<Row> transcripts = documents.filter(col("doc_type").equalTo("transcript"));
    // Each transcript's key and whether an earlier run segmented its text: one row per transcript, hashed once here
    // and broadcast below, so that neither the texts nor the stored turns are shuffled.
    Dataset<Row> keys = transcripts.select(col("doc_id").as("k_doc"), sha2(col("text"), 256).as(TEXT_KEY));
    keys = (stored == null ? keys.withColumn(SEEN, lit(false))
        : keys.join(broadcast(stored.select(col(Memo.KEY).as(TEXT_KEY)).distinct().withColumn(SEEN, lit(true))),
            new String[] {TEXT_KEY}, "left").na().fill(false, new String[] {SEEN}))
        .localCheckpoint();
    Dataset<Row> fresh = transcripts.join(broadcast(keys.filter(not(col(SEEN)))),
        col("doc_id").equalTo(col("k_doc")), "left_semi");
    // Segmented and mentioned here: each transcript's turns come out together and in order, as resolve expects.
    Dataset<Row> computed = ResolveStage.mentions(
            ResolveStage.withoutPersons(SegmentStage.utterances(fresh)), shared, true)
        .join(broadcast(keys.select("k_doc", TEXT_KEY)), col("doc_id").equalTo(col("k_doc"))).drop("k_doc")
        .withColumn(Memo.ADDED, lit(true)).persist(StorageLevel.MEMORY_AND_DISK());
    // Filled now, once: the stage's broadcast tables are built by concurrent jobs, each of which would otherwise
    // segment the new transcripts again while the cache is still empty.
    computed.count();
    if (stored == null) {
      return new Turns(computed, computed);
    }
    Dataset<Row> known = transcripts.select(DOCUMENT_COLUMNS.stream().map(functions::col).toArray(Column[]::new))
        .join(broadcast(keys.filter(col(SEEN))), col("doc_id").equalTo(col("k_doc"))).drop("k_doc", SEEN);
    return new Turns(computed.unionByName(reused(stored, known, computed.columns())), computed);
  }

  /** Stored turns for the transcripts now in the corpus whose text an earlier run segmented, as {@code names}. */
  private static Dataset<Row> reused(Dataset<Row> stored, Dataset<Row> known, String[] names) {
    Dataset<Row> joined = stored.join(broadcast(known), stored.col(Memo.KEY).equalTo(known.col(TEXT_KEY)));
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      if (name.equals(Memo.ADDED)) {
        columns.add(lit(false).as(name));
      } else if (name.equals("observation_key")) {
        columns.add(when(col(SCOPED), concat(col(name), lit("@"), col("doc_id"))).otherwise(col(name)).as(name));
      } else if (name.equals(TEXT_KEY) || DOCUMENT_COLUMNS.contains(name)) {
        columns.add(known.col(name));
      } else {
        columns.add(col(name));
      }
    }
    return joined.select(columns.toArray(Column[]::new));
  }

  /**
   * This run's entries ({@link Memo#write}): one per turn of each text, taken from the first document holding it
   * when two documents share a text.
   */
  static Dataset<Row> memoEntries(Dataset<Row> turns, String config) {
    Dataset<Row> first = turns.groupBy(col(TEXT_KEY).as("f_key")).agg(min("doc_id").as("f_doc"));
    List<Column> columns = new ArrayList<>(List.of(col(TEXT_KEY).as(Memo.KEY), lit(config).as(Memo.CONFIG)));
    for (String name : turns.columns()) {
      if (name.equals("observation_key")) {
        columns.add(split(col(name), "@").getItem(0).as(name));
        columns.add(col(name).contains("@").as(SCOPED));
      } else if (!name.equals(TEXT_KEY) && !DOCUMENT_COLUMNS.contains(name)) {
        columns.add(col(name));
      }
    }
    return turns.join(broadcast(first), col(TEXT_KEY).equalTo(col("f_key")).and(col("doc_id").equalTo(col("f_doc"))))
        .select(columns.toArray(Column[]::new));
  }
}
