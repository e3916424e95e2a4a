package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.TestPaths;

/** The targets on the gold set of 33 transcripts (src/test/resources/gold/segmentation, see its README). */
class SegmentationGoldTest {
  @Test
  void meetsTheTargetsOnTheGoldSet() {
    List<GoldSet.Item> gold = GoldSet.read(TestPaths.repo().resolve("jobs/src/test/resources/gold/segmentation"));
    assertTrue(gold.size() >= 30, "at least 30 gold transcripts");
    SegmentationScore total = new SegmentationScore(0, 0, 0, 0, 0, 0, 0);
    for (GoldSet.Item item : gold) {
      total = total.plus(SegmentationScore.of(item.turns(), Segmenter.segment(item.text()).turns()));
    }
    String summary = total.toString();
    assertTrue(total.precision() >= 0.99, "turn precision " + total.precision() + " " + summary);
    assertTrue(total.recall() >= 0.99, "turn recall " + total.recall() + " " + summary);
    assertTrue(total.nameAccuracy() >= 0.98, "speaker names " + total.nameAccuracy() + " " + summary);
    assertTrue(total.roleAccuracy() >= 0.98, "roles " + total.roleAccuracy() + " " + summary);
    assertEquals(1.0, total.unknownRecall(), "every unnamed turn stays unknown: " + summary);
  }

  @Test
  void theScoreCountsBoundariesInOrder() {
    Turn a = new Turn(0, 10, ">>", SpeakerLabel.parse("ANA PEREZ"), "Good morning to all", 4, 0, 0, 0, 0);
    Turn b = new Turn(10, 20, ">>", SpeakerLabel.NONE, "Thanks a lot", 3, 0, 0, 0, 0);
    SegmentationScore.GoldTurn goldA = new SegmentationScore.GoldTurn("ANA PEREZ", "Ana Perez", "panelist", "",
        "Good morning to");
    SegmentationScore.GoldTurn goldB = new SegmentationScore.GoldTurn("", "", "unknown", "", "Thanks a lot");
    SegmentationScore.GoldTurn goldC = new SegmentationScore.GoldTurn("BO", "Bo", "panelist", "", "Never said");
    SegmentationScore s = SegmentationScore.of(List.of(goldA, goldC, goldB), List.of(a, b));
    assertEquals(new SegmentationScore(3, 2, 2, 2, 2, 1, 1), s);
    assertEquals(1.0, s.precision());
    assertEquals(2.0 / 3, s.recall(), 1e-9);
  }
}
