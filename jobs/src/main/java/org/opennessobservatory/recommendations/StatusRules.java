package org.opennessobservatory.recommendations;

import java.util.List;
import java.util.Map;

/**
 * How one recommendation-year's evidence becomes a status (rules {@link #VERSION}). Each year stands on its own
 * evidence; the first rule that applies decides:
 * <ol>
 *   <li>R0 no passage of that year is evidence → {@code no_evidence};
 *   <li>R1 a passage carries a reversal cue ("was discontinued") → {@code reversed};
 *   <li>R2 a passage carries an implementation cue ("was launched", "for the first time") → {@code implemented};
 *   <li>R3 a passage carries a progress cue ("is being", "pilot") → {@code in_progress};
 *   <li>R4 passages only mention or discuss it → {@code discussed}.
 * </ol>
 * Reversed is a fifth status, not folded into the four: an evaluator needs to see that something once in
 * place was undone, which "discussed" or "no evidence" would hide. The strongest evidence is the highest-scoring
 * passage of the class that decided. An evaluator's override replaces all of this (rule {@code E}).
 */
public final class StatusRules {
  private StatusRules() {}

  public static final String VERSION = "track-rules-1";
  public static final List<String> STATUSES = List.of("no_evidence", "discussed", "in_progress", "implemented",
      "reversed");

  /** The best passage of one cue class in a recommendation-year, and how many passages that class has. */
  public record ClassEvidence(long count, String docId, String passage, double score) {}

  public record Decision(String status, String rule, long evidenceCount, ClassEvidence strongest) {}

  /** @param byClass evidence per cue class (reversed, implemented, in_progress, mentioned); absent when none */
  public static Decision decide(Map<String, ClassEvidence> byClass) {
    long n = byClass.values().stream().mapToLong(ClassEvidence::count).sum();
    if (n == 0) {
      return new Decision("no_evidence", "R0 no evidence passage", 0, null);
    }
    if (byClass.containsKey("reversed")) {
      return new Decision("reversed", "R1 reversal cue", n, byClass.get("reversed"));
    }
    if (byClass.containsKey("implemented")) {
      return new Decision("implemented", "R2 implementation cue", n, byClass.get("implemented"));
    }
    if (byClass.containsKey("in_progress")) {
      return new Decision("in_progress", "R3 progress cue", n, byClass.get("in_progress"));
    }
    return new Decision("discussed", "R4 mentioned without action cue", n, byClass.get("mentioned"));
  }

  /**
   * The change from the previous year's status: {@code first} (no previous year in the table), {@code unchanged},
   * {@code advanced} or {@code regressed} along no_evidence < discussed < in_progress < implemented; reaching
   * {@code reversed} is {@code reversed}, leaving it {@code advanced} unless to no_evidence.
   */
  public static String change(String previous, String status) {
    if (previous == null) {
      return "first";
    }
    if (previous.equals(status)) {
      return "unchanged";
    }
    if (status.equals("reversed")) {
      return "reversed";
    }
    if (previous.equals("reversed")) {
      return status.equals("no_evidence") ? "regressed" : "advanced";
    }
    return STATUSES.indexOf(status) > STATUSES.indexOf(previous) ? "advanced" : "regressed";
  }
}
