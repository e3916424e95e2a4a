package org.opennessobservatory.transcripts;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.opennessobservatory.indicators.DissentLexicon;
import org.opennessobservatory.schema.Schemas;

/** Stage segment: transcripts of the documents dataset into speaker turns (the utterances dataset). */
public final class SegmentStage {
  private SegmentStage() {}

  public static final String UTTERANCES = "utterances";

  /**
   * One row per turn. Each transcript's rows come out together, in turn order, in the partition that held the
   * document — stage resolve relies on it to read a transcript's turns without shuffling them.
   */
  public static Dataset<Row> utterances(Dataset<Row> documents) {
    // The lexicon travels in the closure (it is Serializable): no static state read on executors.
    DissentLexicon lexicon = DissentLexicon.standard();
    FlatMapFunction<Row, Row> segment = d -> UtteranceRows.of(d.getString(0), d.getString(1), d.getString(2),
        d.isNullAt(3) ? null : d.getInt(3), d.getString(4), d.getString(5), lexicon).iterator();
    return documents.filter(col("doc_type").equalTo("transcript"))
        .select("doc_id", "session_id", "forum", "year", "language", "text")
        .flatMap(segment, Encoders.row(Schemas.load(UTTERANCES)));
  }
}
