package org.opennessobservatory.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One timed pass of one side of a benchmark.
 *
 * @param side "baseline" or "pipeline"
 * @param round 1-based; round 1 is the warm-up
 * @param detail what the side counted, for the eye (sentences and tokens, documents by type, rejects by reason)
 * @param peakHeapBytes the driver's peak heap during the pass (see {@link DriverHeap})
 */
public record BenchRound(String side, int round, long files, long bytes, double seconds, long documents,
    long rejects, String detail, long peakHeapBytes) {

  public double docsPerSecond() {
    return files / seconds;
  }

  public double mbPerSecond() {
    return bytes / 1e6 / seconds;
  }

  /**
   * The round a side is judged by: the fastest after the warm-up round. The fastest rather than the mean because
   * noise on a shared machine only ever adds time; round 1 alone when it is all there is.
   */
  public static BenchRound best(List<BenchRound> rounds) {
    List<BenchRound> warm = rounds.size() > 1 ? rounds.subList(1, rounds.size()) : rounds;
    return warm.stream().min(Comparator.comparingDouble(BenchRound::seconds)).orElseThrow();
  }

  /** Documents/s of the pipeline over documents/s of the baseline: above 1, the pipeline is faster. */
  public static double ratio(BenchRound baseline, BenchRound pipeline) {
    return pipeline.docsPerSecond() / baseline.docsPerSecond();
  }
}
