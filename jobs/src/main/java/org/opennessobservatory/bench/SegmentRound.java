package org.opennessobservatory.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One timed pass of one side of {@code bench segment}.
 *
 * @param side "baseline" or "segment+resolve"
 * @param round 1-based; round 1 is the warm-up
 * @param documents transcripts processed
 * @param words words of the input texts ({@link org.opennessobservatory.nlp.WordCounter}), the same for both
 *     sides: words/s is input words over the side's seconds
 * @param detail what the side counted (sentences and tokens; turns, words segmented and sentences)
 * @param peakHeapBytes the driver's peak heap during the pass (see {@link DriverHeap})
 */
public record SegmentRound(String side, int round, long documents, long words, double seconds, String detail,
    long peakHeapBytes) {

  public double wordsPerSecond() {
    return words / seconds;
  }

  /** The fastest round after the warm-up round (see {@link BenchRound#best}); round 1 alone when it is all. */
  public static SegmentRound best(List<SegmentRound> rounds) {
    List<SegmentRound> warm = rounds.size() > 1 ? rounds.subList(1, rounds.size()) : rounds;
    return warm.stream().min(Comparator.comparingDouble(SegmentRound::seconds)).orElseThrow();
  }

  /** Words/s of segment over words/s of the baseline: above 1, segment is faster. */
  public static double ratio(SegmentRound baseline, SegmentRound segment) {
    return segment.wordsPerSecond() / baseline.wordsPerSecond();
  }
}
