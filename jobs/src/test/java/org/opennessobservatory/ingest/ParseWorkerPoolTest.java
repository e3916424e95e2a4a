package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.HostileParsers;

/** Parses in worker processes: a parser that never returns is killed on time, and the next file is parsed. */
class ParseWorkerPoolTest {
  private static final ParseLimits TWO_SECONDS = new ParseLimits(100_000, 10, 2_000, 1 << 20, 256);
  private static final byte[] TEXT = "Remote hubs were listed for the first time.".getBytes(StandardCharsets.UTF_8);

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
    assertEquals("Remote hubs were listed for the first time.", next.text().strip());
  }

  @Test
  void aParserThatKillsItsProcessIsAParserCrash() {
    ParseResult crashed = ParseWorkerPool.parse("boom.bin", HostileParsers.CRASH, TWO_SECONDS);
    assertEquals(RejectReason.PARSER_CRASH, crashed.reject(), crashed.message());
    ParseResult next = ParseWorkerPool.parse("after.txt", TEXT, TWO_SECONDS);
    assertTrue(next.ok(), next.reject() + ": " + next.message());
  }
}
