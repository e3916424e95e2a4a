package org.opennessobservatory.transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.opennessobservatory.indicators.DissentKind;
import org.opennessobservatory.indicators.DissentLexicon;

/**
 * One transcript's utterances as rows in the column order of schemas/utterances.json; the person columns stay empty
 * until stage resolve fills them.
 */
final class UtteranceRows {
  private UtteranceRows() {}

  /** Stakeholder group and its source until stage resolve says better. */
  private static final String UNKNOWN = "unknown";

  /** @param lexicon counts each turn's dissent markers, which stage indicators then reads without the text */
  static List<Row> of(String docId, String sessionId, String forum, Integer year, String language, String text,
      DissentLexicon lexicon) {
    Segmenter.Segmentation segmentation = Segmenter.segment(text);
    List<Turn> turns = segmentation.turns();
    List<Row> rows = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      Sentences.Counts counts = Sentences.count(t.text());
      Map<DissentKind, Long> dissent = lexicon.count(t.text());
      SpeakerLabel l = t.label();
      rows.add(RowFactory.create(docId, sessionId, i, t.marker(), l.raw(), l.name(), l.title(), l.role().id(),
          l.organisation(), null, null, null, null, UNKNOWN, UNKNOWN, t.text(), t.start(), t.end(), t.words(),
          counts.sentences(), counts.questions(), dissent.get(DissentKind.DISAGREEMENT),
          dissent.get(DissentKind.OBJECTION), dissent.get(DissentKind.RESERVATION), t.stageDirections(),
          t.disclaimers(), t.furniture(), t.removedWords(), segmentation.labelled(), language, forum, year));
    }
    return rows;
  }
}
