package org.opennessobservatory.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NameReplacerTest {
  private final NameReplacer names = new NameReplacer(Map.of(
      "Lukas Brenner", "Person-aaa", "Brenner", "Person-aaa", "L. Brenner", "Person-aaa",
      "James Okonkwo-Hale", "Person-bbb", "Tomás Herrera", "Person-ccc"));

  @Test
  void fullNamesAndAliasesInAnyCaseBecomeThePseudonym() {
    assertEquals("CHAIR Person-aaa", names.replace("CHAIR BRENNER"));
    assertEquals("Thank you, Person-aaa. As Person-aaa said", names.replace("Thank you, Lukas Brenner. As Brenner said"));
    assertEquals("Person-aaa's point", names.replace("L. Brenner's point"));
    assertEquals("PERSON-CCC".toLowerCase(), names.replace("TOMÁS HERRERA").toLowerCase());
  }

  @Test
  void aNameBrokenAcrossLinesOrHyphenatedOtherwiseIsStillFound() {
    assertEquals("said Person-aaa today", names.replace("said Lukas\n   Brenner today"));
    assertEquals("Person-bbb", names.replace("James Okonkwo\u2011Hale"));
  }

  @Test
  void onlyWholeWordsAreReplaced() {
    assertEquals("Brennerstrasse and Tomás Herreras", names.replace("Brennerstrasse and Tomás Herreras"));
    assertEquals(null, names.replace(null));
  }

  @Test
  void withoutNamesTheTextIsKept() {
    assertEquals("Lukas Brenner", new NameReplacer(Map.of()).replace("Lukas Brenner"));
  }
}
