package org.opennessobservatory.transcripts;

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

  static Counts count(String text) {
    if (text.isBlank()) {
      return new Counts(0, 0);
    }
    long sentences = 0;
    long questions = 0;
    String pending = "";
    for (String s : DETECTOR.get().sentDetect(text)) {
      String sentence = pending.isEmpty() ? s : pending + " " + s;
      if (ENDS_WITH_TITLE.matcher(sentence).find()) {
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
