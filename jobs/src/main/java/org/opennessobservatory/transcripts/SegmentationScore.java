package org.opennessobservatory.transcripts;

import java.util.List;
import java.util.Objects;

/**
 * How a segmentation compares with a gold one. A predicted turn matches a gold turn when its speech starts with the
 * gold turn's first words (whitespace aside); matches are taken in order, as a longest common subsequence, so one
 * missed boundary costs one turn, not every turn after it.
 */
public record SegmentationScore(int gold, int predicted, int matched, int namesRight, int rolesRight,
    int goldUnknown, int unknownRight) {

  /** One expected turn of a gold file. */
  public record GoldTurn(String labelRaw, String speakerName, String role, String organisation, String startsWith) {}

  public static SegmentationScore of(List<GoldTurn> gold, List<Turn> predicted) {
    int[][] lcs = new int[gold.size() + 1][predicted.size() + 1];
    for (int g = gold.size() - 1; g >= 0; g--) {
      for (int p = predicted.size() - 1; p >= 0; p--) {
        lcs[g][p] = matches(gold.get(g), predicted.get(p)) ? lcs[g + 1][p + 1] + 1
            : Math.max(lcs[g + 1][p], lcs[g][p + 1]);
      }
    }
    int matched = 0;
    int names = 0;
    int roles = 0;
    int unknownRight = 0;
    for (int g = 0, p = 0; g < gold.size() && p < predicted.size(); ) {
      if (matches(gold.get(g), predicted.get(p)) && lcs[g][p] == lcs[g + 1][p + 1] + 1) {
        GoldTurn expected = gold.get(g);
        SpeakerLabel label = predicted.get(p).label();
        matched++;
        names += Objects.equals(blankToNull(expected.speakerName()), label.name()) ? 1 : 0;
        roles += expected.role().equals(label.role().id()) ? 1 : 0;
        unknownRight += expected.role().equals("unknown") && label.role() == Role.UNKNOWN ? 1 : 0;
        g++;
        p++;
      } else if (lcs[g + 1][p] >= lcs[g][p + 1]) {
        g++;
      } else {
        p++;
      }
    }
    int goldUnknown = (int) gold.stream().filter(t -> t.role().equals("unknown")).count();
    return new SegmentationScore(gold.size(), predicted.size(), matched, names, roles, goldUnknown, unknownRight);
  }

  static boolean matches(GoldTurn gold, Turn predicted) {
    String expected = squash(gold.startsWith());
    return expected.isEmpty() ? predicted.words() == 0 || squash(predicted.text()).isEmpty()
        : squash(predicted.text()).startsWith(expected);
  }

  private static String squash(String s) {
    return s == null ? "" : MatchText.of(s).replaceAll("\\s+", " ").strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public SegmentationScore plus(SegmentationScore o) {
    return new SegmentationScore(gold + o.gold, predicted + o.predicted, matched + o.matched,
        namesRight + o.namesRight, rolesRight + o.rolesRight, goldUnknown + o.goldUnknown,
        unknownRight + o.unknownRight);
  }

  public double precision() {
    return predicted == 0 ? 1 : (double) matched / predicted;
  }

  public double recall() {
    return gold == 0 ? 1 : (double) matched / gold;
  }

  /** Speaker names equal to the gold's, among matched turns. */
  public double nameAccuracy() {
    return matched == 0 ? 1 : (double) namesRight / matched;
  }

  public double roleAccuracy() {
    return matched == 0 ? 1 : (double) rolesRight / matched;
  }

  /** Gold turns by nobody named that came out as unknown, among all such gold turns. */
  public double unknownRecall() {
    return goldUnknown == 0 ? 1 : (double) unknownRight / goldUnknown;
  }
}
