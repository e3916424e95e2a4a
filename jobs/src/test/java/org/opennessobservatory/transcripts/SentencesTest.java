package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sentence counts merge the model's splits after titles; only a title at the very end of a sentence counts. */
class SentencesTest {
  @Test
  void aTitleEndsASentenceOnlyAsAWholeWordAtItsEnd() {
    assertTrue(Sentences.endsWithTitle("We now give the floor to Mr."));
    assertTrue(Sentences.endsWithTitle("Prof."));
    assertTrue(Sentences.endsWithTitle("as requested by H.E."));
    assertTrue(Sentences.endsWithTitle("the rapporteur, i.e."));
    assertFalse(Sentences.endsWithTitle("The floor is yours, Mr. Chair."));
    assertFalse(Sentences.endsWithTitle("We fixed the xmr."), "a title's letters inside a word");
    assertFalse(Sentences.endsWithTitle("Mr. Okafor took the floor."));
    assertFalse(Sentences.endsWithTitle(""));
  }

  @Test
  void splitsAfterTitlesAreMergedAndQuestionsCounted() {
    assertEquals(new Sentences.Counts(3, 1), Sentences.count(
        "I thank Mrs. Adeyemi and Dr. Lindqvist for the report. Is there a question from the floor? "
            + "We will hear H.E. Ambassador Moreau next."));
  }
}
