package org.opennessobservatory.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
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
  void theEndOfANameAfterATitleIsReplacedAndTheTitleKept() {
    Map<String, String> byName = new LinkedHashMap<>();
    byName.put("Ana Petrović", "Person-ddd");
    byName.put("Jan van der Berg", "Person-eee");
    byName.put("Ayşe Yıldız", "Person-fff");
    byName.put("Mila Petrović", "Person-ggg");
    NameReplacer replacer = new NameReplacer(byName);
    assertEquals("I see Ms. Person-ddd first. Then MS Person-ddd, Minister Person-eee and Mr. Person-eee.",
        replacer.replace("I see Ms. Petrović first. Then MS PETROVIĆ, Minister van der Berg and Mr. Berg."));
    // Letters folded as the pattern matches them; a no-break space after the title.
    assertEquals("Person-fff, Mx Person-fff, Dr.\u00a0Person-fff",
        replacer.replace("AYŞE YILDIZ, Mx Yildiz, Dr.\u00a0Yıldız"));
    // Two names ending alike: the first person's, as for a name two persons share.
    assertEquals("Ms. Person-ddd and Person-ggg", replacer.replace("Ms. Petrović and Mila Petrović"));
    // Without a title the end of a name may be a word of speech, or another person's.
    assertEquals("Petrović is a surname; Dr. Petrovićeva is not hers.",
        replacer.replace("Petrović is a surname; Dr. Petrovićeva is not hers."));
    assertEquals("Person-aaa and Ms. Person-ccc", names.replace("Brenner and Ms. Herrera"));
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
