package org.opennessobservatory.transcripts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.opennessobservatory.nlp.Models;

/**
 * Sentence counts by OpenNLP's English sentence model. The model splits after titles (measured: "Mrs.", "Prof.",
 * "H.E." …), which meeting transcripts are full of; such splits are merged back.
 */
final class Sentences {
  private Sentences() {}

  private static final ThreadLocal<SentenceDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));
  private static final Pattern ENDS_WITH_TITLE = Pattern.compile("(?i)(?:^|\\s)(?:mr|mrs|ms|dr|prof|sen|gov|hon"
      + "|rev|capt|amb|st|h\\.e|e\\.g|i\\.e|e\\.u|u\\.s|u\\.n|no|vol|p|pp|vs|etc)\\.$");

  /** Sentences, and how many of them end with a question mark. */
  record Counts(long sentences, long questions) {}

  /** The longest title with its period and the space before it ("capt.", "h.e."), with room to spare. */
  private static final int TITLE_TAIL = 8;

  /**
   * Searches the tail only: the pattern is anchored at the end, and a search of the whole sentence tried it at every
   * position (a tenth of segmentation's time). Bounds not anchoring: {@code ^} stays the sentence's start.
   */
  static boolean endsWithTitle(String sentence) {
    Matcher m = ENDS_WITH_TITLE.matcher(sentence).useAnchoringBounds(false).useTransparentBounds(true);
    return m.region(Math.max(0, sentence.length() - TITLE_TAIL), sentence.length()).find();
  }

  static Counts count(String text) {
    if (text.isBlank()) {
      return new Counts(0, 0);
    }
    long sentences = 0;
    long questions = 0;
    String pending = "";
    for (String s : DETECTOR.get().sentDetect(text)) {
      String sentence = pending.isEmpty() ? s : pending + " " + s;
      if (endsWithTitle(sentence)) {
        pending = sentence;
        continue;
      }
      pending = "";
      sentences++;
      questions += sentence.strip().endsWith("?") ? 1 : 0;
    }
    if (!pending.isEmpty()) {
      sentences++;
    }
    return new Counts(sentences, questions);
  }
}
