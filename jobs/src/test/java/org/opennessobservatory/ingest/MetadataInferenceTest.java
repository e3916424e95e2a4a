package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataInferenceTest {
  @Test
  void forumAndYearComeFromTheDocumentedLayout() {
    assertEquals(new MetadataInference.PathFacts("eurodig", 2023),
        MetadataInference.fromPath("EuroDIG/2023/day1/ws-2.pdf"));
    assertEquals(new MetadataInference.PathFacts("igf", 2019), MetadataInference.fromPath("igf/igf2019-report.pdf"));
    assertEquals(new MetadataInference.PathFacts(null, null), MetadataInference.fromPath("loose.txt"));
    assertEquals(new MetadataInference.PathFacts("igf", null), MetadataInference.fromPath("igf/3000/x.txt"),
        "3000 is not a meeting year");
  }

  @Test
  void fileNamesSuggestDocumentTypes() {
    assertEquals("transcript", MetadataInference.docTypeFromName("WS12_Transcript.txt"));
    assertEquals("session_report", MetadataInference.docTypeFromName("ws12-session-report.pdf"));
    assertEquals("outcome", MetadataInference.docTypeFromName("EuroDIG_Messages_2023.pdf"));
    assertEquals("agenda", MetadataInference.docTypeFromName("Draft agenda.docx"));
    assertEquals("programme", MetadataInference.docTypeFromName("programme.html"));
    assertEquals("contribution", MetadataInference.docTypeFromName("contribution-017.txt"));
    assertNull(MetadataInference.docTypeFromName("notes.txt"));
    assertNull(MetadataInference.docTypeFromName("reporting.txt"), "keywords match whole-word starts only");
  }

  @Test
  void transcriptsAreRecognisedByTheirSpeakerMarkers() {
    assertTrue(MetadataInference.looksLikeTranscript(">> ANA PEREZ: Hello.\n>> BO LI: Hi.\n>> ANA PEREZ: Go.\n"));
    assertTrue(MetadataInference.looksLikeTranscript("Welcome. >>ANA: a >>BO: b >> ANA: c"),
        "collapsed transcripts carry their markers mid-line");
    assertTrue(MetadataInference.looksLikeTranscript(
        "CHAIR:  Open.\nMR. SMITH: Yes.\nCHAIR: Next.\nMR. SMITH: No.\nCHAIR: Then.\nAUDIENCE: Why?\n"));
    assertFalse(MetadataInference.looksLikeTranscript(">> ANA: just one marker and a quote >> here"));
    assertFalse(MetadataInference.looksLikeTranscript(
        "NOTE: a\nNOTE: b\nNOTE: c\nNOTE: d\nNOTE: e\nNOTE: f\n"), "one label repeated is a form, not a meeting");
  }

  @Test
  void sessionIdsFromFileNamesAreSlugs() {
    assertEquals("ws-12-transcript", MetadataInference.sessionIdFromName("WS 12 – Transcript.txt"));
  }
}
