package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.HostileParsers;

/**
 * Parses in the shared worker process: a parser that never returns is killed on time, one that kills or starves its
 * process is rejected for it, and the files parsed beside them in the same process come out whole.
 */
class ParseWorkerPoolTest {
  private static final ParseLimits TWO_SECONDS = new ParseLimits(100_000, 10, 2_000, 1 << 20, 256);
  private static final String SENTENCE = "Remote hubs were listed for the first time.";
  private static final byte[] TEXT = SENTENCE.getBytes(StandardCharsets.UTF_8);

  @Test
  void aSpinningParserIsKilledAtItsTimeoutAndTheNextFileIsParsed() {
    assertTrue(ParseWorkerPool.parse("warm.txt", TEXT, TWO_SECONDS).ok());
    long start = System.nanoTime();
    ParseResult spun = ParseWorkerPool.parse("endless.bin", HostileParsers.SPIN, TWO_SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(RejectReason.TIMEOUT, spun.reject(), spun.message());
    // A bound, not a speed measurement: the kill must come at the timeout, not at some later cleanup.
    assertTrue(seconds < 10, "killed after " + seconds + " s");
    ParseResult next = ParseWorkerPool.parse("after.txt", TEXT, TWO_SECONDS);
    assertTrue(next.ok(), next.message());
    assertEquals(SENTENCE, next.text().strip());
  }

  @Test
  void aParserThatKillsItsProcessIsAParserCrash() {
    ParseResult crashed = ParseWorkerPool.parse("boom.bin", HostileParsers.CRASH, TWO_SECONDS);
    assertEquals(RejectReason.PARSER_CRASH, crashed.reject(), crashed.message());
    ParseResult next = ParseWorkerPool.parse("after.txt", TEXT, TWO_SECONDS);
    assertTrue(next.ok(), next.reject() + ": " + next.message());
  }

  @Test
  void filesInFlightBesideASpinningParserAreSentAgainAndParsed() {
    assertTrue(ParseWorkerPool.parse("warm.txt", TEXT, TWO_SECONDS).ok());
    ParseWorkerPool.Pending spin = ParseWorkerPool.start("endless.bin", HostileParsers.SPIN, TWO_SECONDS);
    // Sent after the spinning file, so they are in the same process when its timeout kills it (a text parse that
    // finishes first would prove nothing, hence several, the last one sent a second into the spin).
    List<ParseWorkerPool.Pending> beside = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      beside.add(ParseWorkerPool.start("beside-" + i + ".txt", TEXT, TWO_SECONDS));
    }
    sleep(1_500);
    beside.add(ParseWorkerPool.start("late.txt", TEXT, TWO_SECONDS));
    assertEquals(RejectReason.TIMEOUT, spin.result().reject());
    for (ParseWorkerPool.Pending p : beside) {
      ParseResult r = p.result();
      assertTrue(r.ok(), r.reject() + ": " + r.message());
      assertEquals(SENTENCE, r.text().strip());
    }
  }

  @Test
  void aCrashIsChargedToTheFileThatCausesItAloneNotToItsNeighbour() {
    ParseWorkerPool.Pending spin = ParseWorkerPool.start("slow.bin", HostileParsers.SPIN, TWO_SECONDS);
    ParseWorkerPool.Pending crash = ParseWorkerPool.start("boom.bin", HostileParsers.CRASH, TWO_SECONDS);
    // The spinning file shared the process the crash took down: parsed again alone, it still spins (its own
    // timeout), whereas the crash is the crashing file's.
    assertEquals(RejectReason.PARSER_CRASH, crash.result().reject());
    assertEquals(RejectReason.TIMEOUT, spin.result().reject());
  }

  @Test
  void aFileThatFillsTheHeapIsTooLargeAndTheFileParsedBesideItIsNot() {
    ParseWorkerPool.Pending beside = ParseWorkerPool.start("slow.bin", HostileParsers.SPIN, TWO_SECONDS);
    ParseResult hungry = ParseWorkerPool.parse("huge.bin", HostileParsers.HUNGRY, TWO_SECONDS);
    assertEquals(RejectReason.TOO_LARGE, hungry.reject(), hungry.message());
    assertTrue(hungry.message().contains("heap of 256 MB"), hungry.message());
    assertEquals(RejectReason.TIMEOUT, beside.result().reject(), "the spinning file is charged its own end");
    ParseResult next = ParseWorkerPool.parse("after.txt", TEXT, TWO_SECONDS);
    assertTrue(next.ok(), next.reject() + ": " + next.message());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
