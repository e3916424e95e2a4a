package org.opennessobservatory.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark corpus generator: deterministic, the requested size and format mix, transcripts marked. No timing. */
class BenchCorpusTest {
  private static final int N = 24;

  @Test
  void sameSeedWritesSameFilesAndBytes(@TempDir Path a, @TempDir Path b) throws IOException {
    long bytesA = BenchCorpus.write(a, N, 7);
    long bytesB = BenchCorpus.write(b, N, 7);
    assertEquals(bytesA, bytesB);
    Map<String, byte[]> filesA = read(a);
    Map<String, byte[]> filesB = read(b);
    assertEquals(filesA.keySet(), filesB.keySet());
    assertEquals(N, filesA.size());
    for (String rel : filesA.keySet()) {
      assertArrayEquals(filesA.get(rel), filesB.get(rel), rel);
    }
    // Every file distinct (byte-identical files would be rejected as duplicates by ingest).
    assertEquals(N, filesA.values().stream().map(java.util.Arrays::hashCode).distinct().count());
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    assertNotEquals(BenchCorpus.plan(8, 1), BenchCorpus.plan(8, 2));
    assertEquals(BenchCorpus.plan(8, 1), BenchCorpus.plan(8, 1));
  }

  @Test
  void requestedCountLayoutAndEqualFormatShares() {
    List<BenchCorpus.Item> items = BenchCorpus.plan(400, BenchCorpus.DEFAULT_SEED);
    assertEquals(400, items.size());
    Map<BenchCorpus.Format, Long> byFormat = items.stream()
        .collect(Collectors.groupingBy(BenchCorpus.Item::format, Collectors.counting()));
    for (BenchCorpus.Format f : BenchCorpus.Format.values()) {
      assertEquals(100L, byFormat.get(f), f.name());
    }
    for (BenchCorpus.Item item : items) {
      assertTrue(item.relPath().matches("[a-z-]+/(19|20)\\d\\d/[a-z0-9-]+\\." + item.format().extension()),
          item.relPath());
    }
    assertEquals(400, items.stream().map(BenchCorpus.Item::relPath).distinct().count());
  }

  @Test
  void documentsHaveTheRequestedLengthAndTranscriptsHaveMarkers() {
    List<BenchCorpus.Item> items = BenchCorpus.plan(400, BenchCorpus.DEFAULT_SEED);
    long transcripts = 0;
    for (BenchCorpus.Item item : items) {
      String text = String.join("\n", item.doc().paragraphs());
      int words = text.split("\\s+").length;
      assertTrue(words >= BenchCorpus.MIN_WORDS && words <= BenchCorpus.MAX_WORDS, item.relPath() + ": " + words);
      long markers = item.doc().paragraphs().stream().filter(p -> p.matches(">> [^:]+: .*")).count();
      if (item.transcript()) {
        transcripts++;
        assertTrue(item.relPath().contains("transcript"), item.relPath());
        assertTrue(markers >= 10, item.relPath() + " has " + markers + " markers");
      } else {
        assertEquals(0, markers, item.relPath());
      }
    }
    assertTrue(transcripts > 0 && transcripts < items.size());
  }

  @Test
  void transcriptMarkersSurviveRendering() {
    BenchCorpus.Item html = BenchCorpus.plan(16, 3).stream()
        .filter(i -> i.transcript() && i.format() == BenchCorpus.Format.TXT).findFirst().orElseThrow();
    String text = new String(html.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("\n\n>> "), "markers at line start");
    assertFalse(text.isBlank());
  }

  private static Map<String, byte[]> read(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> root.relativize(p).toString(),
          (Function<Path, byte[]>) p -> {
            try {
              return Files.readAllBytes(p);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, (x, y) -> x, TreeMap::new));
    }
  }

  @Test
  void transcriptsAreDeterministicMarkedAndNearTheirWordTarget() {
    BenchCorpus.Transcript a = BenchCorpus.transcript(5, 7, 4000);
    assertEquals(a, BenchCorpus.transcript(5, 7, 4000));
    assertNotEquals(a.text(), BenchCorpus.transcript(6, 7, 4000).text());
    assertNotEquals(a.text(), BenchCorpus.transcript(5, 8, 4000).text());
    assertTrue(a.text().startsWith("Transcript: "));
    assertTrue(a.text().contains("\n\n>> "), "turns start with >> markers");
    long words = org.opennessobservatory.nlp.WordCounter.countWords(a.text());
    assertTrue(words >= 3600 && words <= 4700, "words: " + words);
    assertEquals("bench-000005", a.docId());
  }
}
