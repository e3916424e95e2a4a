package org.opennessobservatory.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DissentLexiconTest {
  private static final DissentLexicon STANDARD = DissentLexicon.standard();

  @Test
  void theShippedLexiconLoads() {
    assertEquals("1", STANDARD.version());
    assertEquals(49, STANDARD.markers().size());
    for (DissentKind kind : DissentKind.values()) {
      assertTrue(STANDARD.markers().containsValue(kind), kind::id);
    }
    assertEquals(DissentKind.DISAGREEMENT, STANDARD.markers().get("with respect i don't think"));
  }

  @Test
  void countsByHand() {
    String text = "Thank you, Chair. I disagree with the previous speaker. We object to paragraph 3. "
        + "With respect, I don\u2019t think that is the consensus. Our reservations remain. I see no objection.";
    // "I disagree", "With respect, I don’t think" | "We object" | "Our reservations"; "no objection" is consent
    assertEquals(counts(2, 1, 1), STANDARD.count(text));
  }

  @Test
  void caseInsensitiveWholeWords() {
    assertEquals(counts(1, 0, 0), STANDARD.count("i DISAGREE"));
    assertEquals(counts(1, 0, 0), STANDARD.count("'I disagree.'"));
    assertEquals(counts(0, 1, 0), STANDARD.count("(we object)"));
    assertEquals(counts(0, 0, 0), STANDARD.count("I disagreed")); // reported, not said
    assertEquals(counts(0, 0, 0), STANDARD.count("Hi disagree")); // "I" inside a word
    assertEquals(counts(0, 0, 0), STANDARD.count("we objected, they objected"));
    assertEquals(counts(0, 0, 0), STANDARD.count("our reservation3"));
  }

  @Test
  void apostrophesDashesAndWhitespaceAreNormalised() {
    for (String text : new String[] {"I don't agree", "I don\u2019t agree", "I don\u02bct agree", "I\u00a0don't agree",
        "I don't\n   agree", "I have to push-back", "I have to\r\npush \u2014 back", "with respect I don't think",
        "with respect \u2013 I don\u2019t think", "With respect,I don't think"}) {
      assertEquals(counts(1, 0, 0), STANDARD.count(text), text);
    }
    assertEquals(counts(0, 1, 0), STANDARD.count("Point of\norder, Chair!"));
  }

  @Test
  void overlappingMarkersCountOnce() {
    DissentLexicon nested = DissentLexicon.load(new StringReader("# version: t\nmarker,kind,note\n"
        + "we cannot,reservation,\nwe cannot support,objection,\ncannot support,disagreement,\n"
        + "support,disagreement,\n"), "nested.csv");
    // longest at position 0: "we cannot support", not "we cannot" + "support", nor "cannot support"
    assertEquals(counts(0, 1, 0), nested.count("we cannot support this"));
    // leftmost: "cannot support" starts before "support"
    assertEquals(counts(1, 0, 0), nested.count("they cannot support this"));
    // "we cannot support" is not a whole-word match in "supporting": "we cannot" is the longest that is
    assertEquals(counts(0, 0, 1), nested.count("we cannot supporting"));
    // the full stop ends "we cannot"; a comma is a separator like a space
    assertEquals(counts(0, 1, 1), nested.count("we cannot. We cannot, support"));
  }

  @Test
  void noTextNoMarkers() {
    assertEquals(counts(0, 0, 0), STANDARD.count(null));
    assertEquals(counts(0, 0, 0), STANDARD.count(""));
  }

  @Test
  void faultsNameTheLineAndTheFault() {
    assertFault("t.csv line 4: unknown kind 'complaint' (allowed: disagreement, objection, reservation)",
        "# version: 2\nmarker,kind,note\nI disagree,disagreement,\nwe object,complaint,\n");
    assertFault("t.csv line 3: empty marker", "# version: 2\nmarker,kind,note\n,objection,\n");
    assertFault("t.csv line 3: empty marker", "# version: 2\nmarker,kind,note\n\" - , \",objection,\n");
    assertFault("t.csv line 5: marker 'I  DISAGREE' repeats line 3",
        "# version: 2\nmarker,kind,note\nI disagree,disagreement,\nwe object,objection,\nI  DISAGREE,objection,\n");
    assertFault("t.csv line 6: marker 'I don\u2019t agree' repeats line 3", "# version: 2\nmarker,kind,note\n"
        + "I don't agree,disagreement,\n# a comment line between markers\n\nI don\u2019t agree,disagreement,\n");
    assertFault("t.csv line 3: marker 'I disagree!' holds characters other than letters",
        "# version: 2\nmarker,kind,note\nI disagree!,disagreement,\n");
    assertFault("t.csv line 3: 1 cells where the header has 3", "# version: 2\nmarker,kind,note\nI disagree\n");
    assertFault("t.csv: no '# version: N' comment line before the header line",
        "marker,kind,note\nI disagree,disagreement,\n");
    assertFault("t.csv: no '# version: N' comment line before the header line",
        "# version:\nmarker,kind,note\nI disagree,disagreement,\n");
    assertFault("t.csv: no 'note' column in the header line (found: marker, kind)",
        "# version: 2\nmarker,kind\nI disagree,disagreement\n");
    assertFault("t.csv: no markers", "# version: 2\nmarker,kind,note\n");
    assertFault("t.csv: not a readable CSV file", "# version: 2\nmarker,kind,note\n\"I disagree,disagreement,\n");
  }

  @Test
  void versionAndCommentsAroundIt() {
    DissentLexicon lexicon = DissentLexicon.load(new StringReader(
        "# A lexicon for a test.\n#   version:  2025-a \n# more words\nmarker,kind,note\n"
            + "# we object,objection,commented out\nI disagree,disagreement,\n"), "t.csv");
    assertEquals("2025-a", lexicon.version());
    assertEquals(Map.of("i disagree", DissentKind.DISAGREEMENT), lexicon.markers());
  }

  @Test
  void survivesSerialisation() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(STANDARD);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      DissentLexicon copy = (DissentLexicon) in.readObject();
      assertEquals(counts(1, 1, 0), copy.count("We object. I beg to differ."));
      assertEquals(STANDARD.version(), copy.version());
    }
  }

  /** A million words in one pass; the timeout catches a pattern gone quadratic, it is no speed measurement. */
  @Test
  @Timeout(60)
  void aMillionWordsWithAThousandMarkers() {
    String filler = "the floor is open to remote participants and to the room as well ".repeat(80); // 1040 words
    String text = (filler + "With respect, I don\u2019t think so, and we cannot support it. ").repeat(1000);
    assertEquals(counts(1000, 1000, 0), STANDARD.count(text));
  }

  private static void assertFault(String expected, String csv) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DissentLexicon.load(new StringReader(csv), "t.csv"));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  private static Map<DissentKind, Long> counts(long disagreements, long objections, long reservations) {
    return Map.of(DissentKind.DISAGREEMENT, disagreements, DissentKind.OBJECTION, objections,
        DissentKind.RESERVATION, reservations);
  }
}
