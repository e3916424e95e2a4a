package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameKeyTest {

  @Test
  void foldsAccentsCaseHyphensAndApostrophes() {
    assertEquals("ana petrovic", NameKey.of("ANA PETROVIĆ").key());
    assertEquals("james okonkwo hale", NameKey.of("James Okonkwo\u2011Hale").key());
    assertEquals("sean obrien", NameKey.of("Seán O’Brien").key());
    assertEquals("hale", NameKey.of("James Okonkwo-Hale").surname());
  }

  @Test
  void formsOfAName() {
    assertTrue(NameKey.of("Lukas Brenner").isFull());
    assertTrue(NameKey.of("L. Brenner").isInitialled());
    assertFalse(NameKey.of("L. Brenner").isFull());
    assertFalse(NameKey.of("Brenner").isFull());
    assertFalse(NameKey.of("Juan de").isFull());
    // A surname of several parts is a surname alone, to be matched as one (not a full name of its own person).
    for (String surname : new String[] {"Al-Sayed", "Okonkwo\u2011Hale", "De Souza", "Van der Berg"}) {
      assertFalse(NameKey.of(surname).isFull(), surname);
      assertFalse(NameKey.of(surname).isInitialled(), surname);
    }
    assertTrue(NameKey.of("Fatima Al-Sayed").isFull());
    assertTrue(NameKey.of("Jean-Paul Sartre").isFull());
    assertTrue(NameKey.of("Ana\u00a0Petrović").isFull(), "a no-break space separates words too");
    assertTrue(NameKey.of("J. M. Smith").isInitialled(), "two initials: the first is checked");
    assertEquals('j', NameKey.of("J. M. Smith").initial());
  }

  @Test
  void misspeltSurnamesShareABlockUnrelatedOnesDoNot() {
    assertEquals(NameKey.of("Chidi Okonkwo").block(), NameKey.of("Chidi Okonkow").block());
    assertEquals(NameKey.of("Kwame Mensah").block(), NameKey.of("K. Mensa").block());
    assertNotEquals(NameKey.of("Kwame Mensah").block(), NameKey.of("Kwame Brenner").block());
  }
}
