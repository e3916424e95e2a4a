package org.opennessobservatory.recommendations;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.opennessobservatory.nlp.Models;

/**
 * Sentence windows of a document: each run of {@link #WINDOW} consecutive sentences (OpenNLP's English sentence
 * model), starting at every sentence, with its character offsets in the document's text.
 */
public final class Passages {
  private Passages() {}

  public static final int WINDOW = 2;

  private static final ThreadLocal<SentenceDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));

  /** One window: sentences [first, last] of the document, characters [start, end). */
  public record Passage(int first, int last, int start, int end, String text) {}

  /** Sentence spans; line breaks between paragraphs also end a sentence (headings, list items). */
  static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int blockStart = 0;
    String[] blocks = text.split("\\n\\s*\\n|\\n(?=\\s*[-*\u2022])", -1);
    int from = 0;
    for (String block : blocks) {
      int at = text.indexOf(block, from);
      from = at + block.length();
      if (block.isBlank()) {
        continue;
      }
      for (Span s : DETECTOR.get().sentPosDetect(block)) {
        String sentence = block.substring(s.getStart(), s.getEnd());
        if (!sentence.isBlank()) {
          out.add(new int[] {at + s.getStart(), at + s.getEnd()});
        }
      }
    }
    return out;
  }

  public static List<Passage> of(String text) {
    List<int[]> sentences = sentences(text);
    List<Passage> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      int last = Math.min(i + WINDOW, sentences.size()) - 1;
      int start = sentences.get(i)[0];
      int end = sentences.get(last)[1];
      out.add(new Passage(i, last, start, end, text.substring(start, end).replaceAll("\\s+", " ").strip()));
      if (last == sentences.size() - 1) {
        break;
      }
    }
    return out;
  }
}
