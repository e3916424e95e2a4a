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

  /**
   * count tries the pattern only where a match can begin; Matcher.find tries it everywhere. The same counts on the
   * text of every sample document (as ingest extracts it) and on 20,000 texts built to test the shortcut's edges:
   * markers in mixed case, with letters that fold to a marker's first letter ("İ", "ı" for "i"; the Kelvin sign for
   * "k"), every apostrophe and separator, and letters, digits (also supplementary ones), an emoji and punctuation
   * right before and after.
   */
  @Test
  void skippingPositionsThatCannotBeginAMatchChangesNoCount() {
    Map<String, String> texts = org.opennessobservatory.testing.SampleTexts.extracted();
    texts.forEach((file, text) -> assertEquals(STANDARD.countTryingEveryPosition(text), STANDARD.count(text), file));
    assertTrue(texts.size() >= 60, texts.size() + " sample texts"); // with no marker in them: the built texts below have many
    java.util.List<String> markers = java.util.List.copyOf(STANDARD.markers().keySet());
    String[] separators = {" ", "  ", "\n", "-", "\u2014", ",", ", "};
    // among them supplementary characters: an emoji, a mathematical letter and a mathematical digit
    String[] glue = {" ", ", ", "", "x", "7", "\ud83d\ude00", "\ud835\udc00", "\ud835\udfce", "'", "\u2019", ".",
        "(", "\u00e9", "\n"};
    java.util.Random random = new java.util.Random(7);
    long found = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int w = random.nextInt(6); w >= 0; w--) {
        // a marker, or the first words of one, its words joined by separators (now and then by another character)
        String[] words = markers.get(random.nextInt(markers.size())).split(" ");
        int n = random.nextInt(4) == 0 ? 1 + random.nextInt(words.length) : words.length;
        for (int i = 0; i < n; i++) {
          String word = switch (random.nextInt(6)) {
            case 0 -> words[i].toUpperCase(java.util.Locale.ROOT);
            case 1 -> words[i].replace('i', '\u0130').replace('k', '\u212a');
            case 2 -> words[i].replace('i', '\u0131').replace('\'', '\u02bc');
            case 3 -> words[i].replace('\'', '\u2018');
            default -> words[i];
          };
          b.append(word).append(i + 1 < n && random.nextInt(8) > 0 ? separators[random.nextInt(separators.length)]
              : glue[random.nextInt(glue.length)]);
        }
      }
      String text = b.toString();
      Map<DissentKind, Long> expected = STANDARD.countTryingEveryPosition(text);
      assertEquals(expected, STANDARD.count(text), text);
      found += expected.values().stream().mapToLong(Long::longValue).sum();
    }
    assertTrue(found > 5_000, found + " markers in the built texts");
  }
}
