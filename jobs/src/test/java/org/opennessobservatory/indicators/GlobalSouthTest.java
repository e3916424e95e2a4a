package org.opennessobservatory.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlobalSouthTest {
  private static final Map<String, Integer> WORDS = Map.of(
      "africa", 120, "asia_pacific", 80, "grulac", 50, "eastern_europe", 50, "weog", 200);

  @Test
  void defaultShareByHand() {
    // (120 + 80 + 50) / (120 + 80 + 50 + 50 + 200) = 250/500
    assertEquals(0.5, GlobalSouth.DEFAULT.share(WORDS).getAsDouble(), 1e-12);
    assertEquals(Set.of("africa", "asia_pacific", "grulac"), GlobalSouth.DEFAULT.regions());
  }

  @Test
  void theSetIsAParameter() {
    // without Asia-Pacific: (120 + 50) / 500
    GlobalSouth narrow = new GlobalSouth(Set.of("africa", "grulac"));
    assertEquals(0.34, narrow.share(WORDS).getAsDouble(), 1e-12);
    assertFalse(narrow.includes("asia_pacific"));
  }

  @Test
  void includes() {
    assertTrue(GlobalSouth.DEFAULT.includes("asia_pacific"));
    assertFalse(GlobalSouth.DEFAULT.includes("weog"));
    assertFalse(GlobalSouth.DEFAULT.includes("eastern_europe"));
    assertFalse(GlobalSouth.DEFAULT.includes(null));
  }

  @Test
  void edgeCases() {
    assertEquals(1, GlobalSouth.DEFAULT.share(Map.of("africa", 3)).getAsDouble());
    assertEquals(0, GlobalSouth.DEFAULT.share(Map.of("weog", 3)).getAsDouble());
    assertEquals(OptionalDouble.empty(), GlobalSouth.DEFAULT.share(Map.of()));
    assertEquals(OptionalDouble.empty(), GlobalSouth.DEFAULT.share(Map.of("africa", 0)));
    assertThrows(IllegalArgumentException.class, () -> GlobalSouth.DEFAULT.share(Map.of("unknown", 3)));
    assertThrows(IllegalArgumentException.class, () -> GlobalSouth.DEFAULT.share(Map.of("africa", -3)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GlobalSouth(Set.of("africa", "latin_america")));
    assertTrue(e.getMessage().contains("latin_america"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GlobalSouth(Set.of()));
  }
}
