package org.opennessobservatory.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharesTest {
  private static final List<String> GROUPS = List.of("government", "civil_society", "private_sector", "unknown");

  @Test
  void sharesByHand() {
    // total 30 + 10 = 40: 30/40, 10/40, and 0 for the groups that did not speak
    Shares shares = Shares.of(Map.of("government", 30L, "civil_society", 10L), GROUPS).orElseThrow();
    assertArrayEquals(new double[] {0.75, 0.25, 0, 0}, shares.values(), 1e-12);
    assertEquals(0.25, shares.get("civil_society"), 1e-12);
    assertEquals(0, shares.get("private_sector"));
    assertEquals(GROUPS, shares.categories());
    // total 1 + 2 + 1 = 4, in the order of the categories, not of the map
    Shares ordered = Shares.of(Map.of("unknown", 1, "private_sector", 2, "government", 1), GROUPS).orElseThrow();
    assertArrayEquals(new double[] {0.25, 0, 0.5, 0.25}, ordered.values(), 1e-12);
  }

  @Test
  void nothingToShareIsUndefined() {
    assertEquals(Optional.empty(), Shares.of(Map.of(), GROUPS));
    assertEquals(Optional.empty(), Shares.of(Map.of("government", 0, "unknown", 0.0), GROUPS));
  }

  @Test
  void valuesAreACopy() {
    Shares shares = Shares.of(Map.of("government", 1), GROUPS).orElseThrow();
    shares.values()[0] = 7;
    assertEquals(1, shares.get("government"));
  }

  @Test
  void badInputIsRejectedWithTheFault() {
    assertMessage("'civil society' is not one of the categories", () -> Shares.of(Map.of("civil society", 1), GROUPS));
    assertMessage("amounts must be finite and non-negative", () -> Shares.of(Map.of("government", -1), GROUPS));
    assertMessage("non-empty and distinct", () -> Shares.of(Map.of(), List.of()));
    assertMessage("non-empty and distinct", () -> Shares.of(Map.of(), List.of("a", "b", "a")));
    Map<String, Integer> nullAmount = new HashMap<>();
    nullAmount.put("government", null);
    assertMessage("no amount for 'government'", () -> Shares.of(nullAmount, GROUPS));
    Shares shares = Shares.of(Map.of("government", 1), GROUPS).orElseThrow();
    assertMessage("'academia' is not one of the categories", () -> shares.get("academia"));
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
