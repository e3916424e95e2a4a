package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentsTest {
  private static Components.Edge e(String a, String b, long chars) {
    return new Components.Edge(a, b, chars);
  }

  /**
   * Two components by hand: d-b, b-c and c-a (a chain met from its far end, so unions must merge two trees whose
   * roots are not the smallest id first) — {a, b, c, d}, 3 edges, 100 + 200 + 300 characters; y-x and x-y (both
   * directions are two edges) — {x, y}, 2 edges, 5 + 7 characters.
   */
  @Test
  void componentsByHand() {
    List<Components.Component> c = Components.of(List.of(e("d", "b", 100), e("y", "x", 5), e("b", "c", 200),
        e("c", "a", 300), e("x", "y", 7)));
    assertEquals(List.of(new Components.Component("a", List.of("a", "b", "c", "d"), 3, 600),
        new Components.Component("x", List.of("x", "y"), 2, 12)), c);
  }

  @Test
  void noEdgesNoComponents() {
    assertEquals(List.of(), Components.of(List.of()));
  }

  /** Unions in an order that makes a long parent chain: every member still ends under the smallest id. */
  @Test
  void longChainsEndUnderTheSmallestId() {
    List<Components.Edge> edges = new ArrayList<>();
    for (int i = 999; i > 0; i--) {
      edges.add(e(String.format("n%04d", i), String.format("n%04d", i - 1), 1));
    }
    List<Components.Component> c = Components.of(edges);
    assertEquals(1, c.size());
    assertEquals("n0000", c.get(0).label());
    assertEquals(1000, c.get(0).members().size());
    assertEquals(999, c.get(0).links());
    assertEquals(999, c.get(0).sharedChars());
  }

  /** Edges as the seeds make them, the smaller id first: the label is still the smallest id, whichever side. */
  @Test
  void theLabelIsTheSmallestIdInEitherDirection() {
    assertEquals("a", Components.of(List.of(e("a", "b", 5))).get(0).label());
    assertEquals("a", Components.of(List.of(e("b", "a", 5))).get(0).label());
    assertEquals("a", Components.of(List.of(e("b", "c", 5), e("a", "c", 5))).get(0).label());
  }
}
