package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.nlp.WordCounter;

/**
 * Invariants over random transcripts built from the catalogue's pieces (markers, labels, stage directions,
 * disclaimers, furniture, colons in speech) and over random characters: no exception, turns in order without
 * overlap, and every word of the document accounted for exactly once.
 */
class SegmenterPropertiesTest {
  private static final List<String> PIECES = List.of(">> ", ">>", ">> ANA PEREZ: ", ">>BO LI:  ", ">NAME: ", ">>: ",
      "\nMODERATOR: ", "\nAna Perez: ", "\n  12   MR. SMITH: ", "\n10:32:05 Bo Li: ", " AUDIENCE: ", "[ Applause ]",
      "(inaudible)", "((Crosstalk))", "(Gavel.)", "\n***\n", "\n* * *\n", "\nPage 3 of 12\n", "\n17\n",
      "\nDeprecated: split() is deprecated in /x.php on line 4\n",
      "This is the output of real-time captioning and not an authoritative record. ",
      "Note: the agenda is online. ", "The point is: access matters. ", "We agree. ", "Thank you, Chair. ",
      "Is that clear? ", "\n\n", "\n", "   ", "\u2011", "\u2019", "é", "NON-BREAKING\u2011HYPHEN ", "x", ":", ">");

  @Test
  void randomTranscriptsKeepTheInvariants() {
    Random random = new Random(20261127);
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      check(text.toString());
    }
  }

  @Test
  void randomCharactersKeepTheInvariants() {
    Random random = new Random(7);
    String alphabet = "aZ>:.?! \n\t*()[]-\u2011\u00a0\r0123é";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(300); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      check(text.toString());
    }
  }

  /** Gold transcripts cut, spliced and salted with the catalogue's pieces: real layouts, damaged. */
  @Test
  void mutatedGoldTranscriptsKeepTheInvariants() throws java.io.IOException {
    List<String> gold = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(org.opennessobservatory.testing.TestPaths.repo()
        .resolve("jobs/src/test/resources/gold/segmentation"))) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        gold.add(java.nio.file.Files.readString(f));
      }
    }
    Random random = new Random(31);
    for (int round = 0; round < 500; round++) {
      check(org.opennessobservatory.testing.Mutations.text(gold.get(random.nextInt(gold.size())), random, PIECES));
    }
  }

  /**
   * A million-word turn is segmented in one pass. The timeout is no speed measurement: it stops the test if a
   * pattern goes quadratic (one did: a disclaimer regex scanning to the sentence end from every position).
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aMillionWordTurnIsSegmentedInLinearTime() {
    String text = ">> ANA PEREZ: " + "word ".repeat(1_000_000) + "\n>> BO LI: Thank you.";
    Segmenter.Segmentation s = Segmenter.segment(text);
    assertEquals(2, s.turns().size());
    assertEquals(1_000_000, s.turns().get(0).words());
  }

  private static void check(String text) {
    Segmenter.Segmentation s = Segmenter.segment(text);
    int previousEnd = 0;
    long words = s.unattributedWords();
    for (Turn t : s.turns()) {
      assertTrue(t.start() >= previousEnd && t.start() <= t.end() && t.end() <= text.length(),
          () -> "turns out of order or overlapping in: " + text);
      previousEnd = t.end();
      words += t.words() + t.removedWords();
    }
    long expected = WordCounter.countWords(text);
    long counted = words;
    assertEquals(expected, counted, () -> "words lost or counted twice in: " + text.replace("\n", "\\n"));
  }
}
