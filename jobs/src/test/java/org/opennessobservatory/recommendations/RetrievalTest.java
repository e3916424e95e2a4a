package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
    // "remote hub" and "remote hubs" both match: plurals are folded on both sides.
    assertEquals(List.of("remote hubs", "remote hub"), h.phrases());
    assertEquals("implemented", h.cueClass());
    assertEquals("bm25+phrase", h.method());
    assertEquals(h.bm25() + 2 * 2.0, h.score(), 1e-9);
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
}
