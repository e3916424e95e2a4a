package org.opennessobservatory.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  private static final byte[] KEY = "test key, not a secret: 32 bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void anIdIsTheFirst32HexDigitsOfItsKeyedHash() {
    // Python: hmac.new(KEY, b"person:0123456789abcdef0123456789abcdef", hashlib.sha256).hexdigest()[:32]
    assertEquals("43eab12684451ea39c1ab653548fa041",
        new Pseudonyms(KEY).id("0123456789abcdef0123456789abcdef"));
    assertEquals("Person-43eab1268445", Pseudonyms.name("43eab12684451ea39c1ab653548fa041"));
  }

  /**
   * One instance serves every task thread of an executor (a broadcast value): shared by four threads at once, it gives
   * each id what a single thread gets. With one Mac for all threads, their updates interleave and ids come out wrong.
   */
  @Test
  void sharedByThreadsItGivesWhatOneThreadGets() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add(Integer.toHexString(i * 7919));
    }
    Pseudonyms alone = new Pseudonyms(KEY);
    List<String> expected = ids.stream().map(alone::id).toList();
    Pseudonyms shared = new Pseudonyms(KEY);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(threads.submit(() -> ids.stream().map(shared::id).toList()));
      }
      for (Future<List<String>> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
