package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.TestPaths;

/** Each non-speech rule's cues: wherever its pattern matches, the text holds one of them (else it would be skipped). */
class NonSpeechCuesTest {
  /** At least one line each rule matches, in its order, in cases the patterns ignore or not. */
  private static final List<String> FOUND = List.of(
      "P.O. Box 1234, Geneva\nTel. (212) 555-1234\n+41 22 917 12 34\nCOPYRIGHT (C) 2019\nAll Rights Reserved.\n"
          + "Visit www.captionfirst.com for CART captioning",
      "* * *",
      "[ Applause ]",
      "((Crosstalk))",
      "(APPLAUSE.) (?)",
      "12\nPage 3 of 10",
      "IGF 2019 Transcript PAGE 4",
      "Warning: Undefined variable in /var/www/x.PHP on line 12",
      "You are here: Home\nViews: 1234\nSize: 1.2 MB\nSKIP TO MAIN CONTENT\nRetrieved from \"https://x.org\"",
      "HOME > Events > IGF 2019",
      "00:01:02,000 --> 00:01:04,000");

  @Test
  void everyRuleMatchesOnlyWhereItsCuesAre() throws IOException {
    List<String> texts = new ArrayList<>(FOUND);
    try (Stream<Path> s = Files.walk(TestPaths.samples())) {
      for (Path p : s.filter(f -> f.getFileName().toString().matches(".*\\.(txt|html|md)")).toList()) {
        texts.add(MatchText.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
      }
    }
    int[] matched = new int[NonSpeech.RULES.size()];
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (int r = 0; r < NonSpeech.RULES.size(); r++) {
        NonSpeech.Rule rule = NonSpeech.RULES.get(r);
        if (rule.pattern().matcher(text).find()) {
          matched[r]++;
          assertTrue(rule.mayMatch(lower), "rule " + r + " matches but finds no cue " + rule.cues() + " in: " + text);
        }
      }
    }
    for (int r = 0; r < matched.length; r++) {
      assertTrue(matched[r] > 0, "rule " + r + " matched nothing: add a line it matches");
      assertTrue(NonSpeech.RULES.get(r).pattern().matcher(FOUND.get(r)).find(), "rule " + r + " on its line");
    }
    assertTrue(texts.size() > 20, texts.size() + " texts");
  }

  @Test
  void aCueCompletedByBlankingIsFound() {
    // Blanking the stage direction leaves "IGF page          4": a page footer, although the text had no "page "
    // before it; the same for a PHP warning's " on line ".
    for (String text : List.of("IGF page[Applause]4", "Warning: x[Applause]on line 12")) {
      NonSpeech.Stripped s = NonSpeech.strip(text, text, false);
      assertEquals(1, s.stageDirections(), text);
      assertEquals(1, s.furniture(), text);
      assertEquals(text.length(), s.text().chars().filter(c -> c == NonSpeech.REMOVED).count(), text);
    }
  }
}
