package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RetrievalTest {
  @Test
  void bm25ByHand() {
    // N = 4 passages, "hub" in 1: idf = ln(1 + 3.5/1.5) = ln(3.3333); avgdl = 10, |p| = 10, f = 2:
    // 2 * 2.2 / (2 + 1.2) = 1.375; score = 1.375 * 1.20397 = 1.65546
    Bm25 b = new Bm25(4, 10, Map.of("hub", 1L));
    assertEquals(Math.log(1 + 3.5 / 1.5), b.idf("hub"), 1e-12);
    assertEquals(1.375 * Math.log(10.0 / 3), b.score(List.of("hub", "absent"), Map.of("hub", 2), 10), 1e-9);
    // A longer passage scores lower: |p| = 20 → norm = 1.2 * 1.75 = 2.1, 4.4 / 4.1
    assertEquals(4.4 / 4.1 * Math.log(10.0 / 3), b.score(List.of("hub"), Map.of("hub", 2), 20), 1e-9);
  }

  @Test
  void wordsFoldPlurals() {
    assertEquals(List.of("remote", "hub", "policy", "question", "process"), Text.words("Remote hubs' policies, questions process"));
  }

  @Test
  void passagesAreTwoSentenceWindowsWithOffsets() {
    String text = "First sentence here. Second one follows. Third closes.";
    List<Passages.Passage> p = Passages.of(text);
    assertEquals(2, p.size());
    assertEquals("First sentence here. Second one follows.", text.substring(p.get(0).start(), p.get(0).end()));
    assertEquals("Second one follows. Third closes.", p.get(1).text());
  }

  @Test
  void retrieverFindsThePhrasePassageAndItsCue() {
    RecommendationRegistry reg = RecommendationRegistry.shipped();
    String text = "The venue had six rooms. Coffee was served all week.\n\n"
        + "A network of remote hubs was launched this year. Hubs were listed on the website.\n\n"
        + "The weather was fine. Buses ran on time.";
    Retriever r = new Retriever(reg, CueLexicon.shipped(), new Bm25(10, 8, Map.of("hub", 1L, "remote", 2L)));
    List<Retriever.Hit> hits = r.search(text).stream().filter(h -> h.recommendationId().equals("p37")).toList();
    assertEquals(1, hits.size(), hits.toString());
    Retriever.Hit h = hits.get(0);
    Assertions.assertTrue(h.passage().startsWith("A network of remote hubs was launched"), h.passage());
    // The registry's "remote hubs" matches once (a second phrase of the same folded words is refused).
    assertEquals(List.of("remote hubs"), h.phrases());
    assertEquals("implemented", h.cueClass());
    assertEquals("bm25+phrase", h.method());
    assertEquals(h.bm25() + 2.0, h.score(), 1e-9, "one phrase's bonus");
    assertEquals(text.indexOf("A network"), h.start());
  }

  @Test
  void cueClassesStrongestWins() {
    CueLexicon c = CueLexicon.shipped();
    assertEquals(new CueLexicon.Found("was discontinued", "reversed"),
        c.classify("The hub programme, which was launched in 2022, was discontinued."));
    assertEquals("implemented", c.classify("For the first time, a main session was held with NRIs.").cueClass());
    assertEquals("in_progress", c.classify("A draft messages document is being prepared.").cueClass());
    assertEquals(new CueLexicon.Found("remains to be", "mentioned"), c.classify("The matter remains to be settled."));
    assertEquals(new CueLexicon.Found(null, "mentioned"), c.classify("Remote hubs matter to many."));
  }

  /**
   * search looks only at the windows holding some of a recommendation's query words, and searches a phrase only
   * where all its content words are: the same hits as scoring every window (the search as first written, below) on
   * the text of every sample document, as ingest extracts it.
   */
  @Test
  void searchGivesTheHitsOfScoringEveryWindow() {
    RecommendationRegistry reg = RecommendationRegistry.shipped();
    Map<String, Long> df = new HashMap<>();
    int k = 0;
    for (String v : Retriever.vocabulary(reg)) {
      df.put(v, 5L + 3L * (k++ % 20));
    }
    Retriever r = new Retriever(reg, CueLexicon.shipped(), new Bm25(2000, 30, df));
    Map<String, String> texts = org.opennessobservatory.testing.SampleTexts.extracted();
    int hits = 0;
    for (Map.Entry<String, String> t : texts.entrySet()) {
      List<Retriever.Hit> expected = referenceSearch(r, t.getValue());
      assertEquals(expected, r.search(t.getValue()), t.getKey());
      hits += expected.size();
    }
    Assertions.assertTrue(texts.size() >= 60 && hits >= 100, texts.size() + " texts, " + hits + " hits");
  }

  private static List<Retriever.Hit> referenceSearch(Retriever retriever, String text) {
    RecommendationRegistry registry = retriever.registry();
    CueLexicon cues = retriever.cues();
    Bm25 bm25 = retriever.bm25();
    // The windows as search reads them (that part of search is unchanged); the scoring below is the first version's.
    Retriever.Windows all = Retriever.windows(text);
    List<Passages.Passage> windows = all.passages();
    List<List<String>> words = all.words();
    List<Map<String, Integer>> tfs = all.tfs();
    List<Integer> lengths = all.lengths();
    List<Retriever.Hit> hits = new ArrayList<>();
    for (RecommendationRegistry.Recommendation r : registry.recommendations()) {
      Set<String> q = Retriever.query(r);
      List<Object[]> candidates = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        List<String> phrases = new ArrayList<>();
        for (String p : r.phrases()) {
          if (Text.indexOf(words.get(i), Text.words(p)) >= 0) {
            phrases.add(p);
          }
        }
        Map<String, Integer> tf = tfs.get(i);
        long matched = q.stream().filter(tf::containsKey).count();
        double b = bm25.score(q, tf, lengths.get(i));
        if (phrases.isEmpty() && (matched < Retriever.MIN_TERMS || b < Retriever.MIN_BM25)) {
          continue;
        }
        candidates.add(new Object[] {i, b + Retriever.PHRASE_WEIGHT * phrases.size(), b, phrases});
      }
      candidates.sort(Comparator.comparingDouble((Object[] c) -> -(double) c[1]).thenComparingInt(c -> (int) c[0]));
      List<Passages.Passage> kept = new ArrayList<>();
      for (Object[] c : candidates) {
        Passages.Passage w = windows.get((int) c[0]);
        if (kept.size() >= Retriever.PER_DOCUMENT
            || kept.stream().anyMatch(k -> k.first() <= w.last() && w.first() <= k.last())) {
          continue;
        }
        kept.add(w);
        @SuppressWarnings("unchecked")
        List<String> phrases = (List<String>) c[3];
        CueLexicon.Found cue = cues.classify(words.get((int) c[0]));
        hits.add(new Retriever.Hit(r.id(), r.topic(), w.start(), w.end(), w.text(), (double) c[1], (double) c[2],
            List.copyOf(phrases), cue.cue(), cue.cueClass(), phrases.isEmpty() ? "bm25" : "bm25+phrase"));
      }
    }
    return hits;
  }
}
