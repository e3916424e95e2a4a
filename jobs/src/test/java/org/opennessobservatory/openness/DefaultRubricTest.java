package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped rubric passes the reader's checks against the indicator contract and covers what the issue asks. */
class DefaultRubricTest {
  private final Rubric rubric = Rubric.loadDefault(IndicatorNames.FORUM_YEAR);

  @Test
  void weighsAllFivePrinciplesEquallyWithCriteriaForEach() {
    assertEquals("2026.1", rubric.version());
    assertEquals(EnumSet.allOf(Principle.class), rubric.principleWeights().keySet());
    rubric.principleWeights().values().forEach(w -> assertEquals(0.2, w, 1e-12));
    assertTrue(rubric.criteria().size() >= 15, "the issue asks for at least 15 criteria");
    assertEquals(EnumSet.allOf(Principle.class),
        rubric.criteria().stream().map(Criterion::principle).collect(Collectors.toCollection(
            () -> EnumSet.noneOf(Principle.class))));
  }

  @Test
  void readsOnlyIndicatorsOfTheContractAndUsesEveryRuleType() {
    rubric.criteria().forEach(c -> assertTrue(IndicatorNames.FORUM_YEAR.containsAll(c.indicators()), c.id()));
    Set<Class<?>> ruleTypes = rubric.criteria().stream().map(c -> c.rule().getClass()).collect(Collectors.toSet());
    assertEquals(Set.copyOf(Arrays.asList(Rule.class.getPermittedSubclasses())), ruleTypes);
  }

  /** The Spark wiring broadcasts the rubric to executors, which needs it to survive Java serialization. */
  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rubric);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(rubric, in.readObject());
    }
  }
}
