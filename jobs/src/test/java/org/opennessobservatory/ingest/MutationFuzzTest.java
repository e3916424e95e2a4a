package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.HostileFiles;
import org.opennessobservatory.testing.Mutations;

/**
 * Mutated PDFs and DOCXs through the parse workers, as the job parses them: every mutant ends as text or as a reject
 * with its reason, never as an exception. Bounded by a count and a time budget (whichever comes first); seeded.
 */
class MutationFuzzTest {
  private static final ParseLimits LIMITS = new ParseLimits(100_000, 10, 15_000, 1 << 20, 256);
  private static final int MUTANTS = 120;
  private static final long BUDGET_NANOS = 40_000_000_000L;

  @Test
  void mutatedPdfsAndDocxsAreTextOrARejectWithItsReason() {
    Map<String, byte[]> seeds = Map.of("report.pdf", HostileFiles.pdf(), "report.docx", HostileFiles.docx());
    Random random = new Random(20261128);
    Map<String, Integer> outcomes = new TreeMap<>();
    long start = System.nanoTime();
    int done = 0;
    for (; done < MUTANTS && System.nanoTime() - start < BUDGET_NANOS; done++) {
      String name = done % 2 == 0 ? "report.pdf" : "report.docx";
      byte[] mutant = Mutations.bytes(seeds.get(name), random);
      ParseResult r = ParseWorkerPool.parse(name, mutant, LIMITS);
      if (r.ok()) {
        assertTrue(r.text() != null && !r.text().isBlank(), name + " mutant " + done + ": ok without text");
      } else {
        assertNotNull(r.message(), name + " mutant " + done + ": a reject without a message");
      }
      outcomes.merge(name.substring(name.indexOf('.') + 1) + " " + (r.ok() ? "text" : r.reject().id()), 1,
          Integer::sum);
    }
    System.out.printf("mutation fuzzer: %d mutants in %.1f s: %s%n", done, (System.nanoTime() - start) / 1e9,
        outcomes);
    // The budget must leave room for a real sample, and the mutations must reach both outcomes.
    assertTrue(done >= 20, "only " + done + " mutants within the budget");
    assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith(" text")), outcomes.toString());
    assertTrue(outcomes.keySet().stream().anyMatch(k -> !k.endsWith(" text")), outcomes.toString());
  }
}
