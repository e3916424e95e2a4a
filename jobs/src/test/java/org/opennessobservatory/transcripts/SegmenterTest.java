package org.opennessobservatory.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per convention of TRANSCRIPT-FORMATS.md, on hand-written fragments. */
class SegmenterTest {
  /** "label|role|first words" per turn, for compact expectations. */
  private static List<String> turns(String text) {
    return Segmenter.segment(text).turns().stream().map(t -> (t.label().raw() == null ? "" : t.label().raw()) + "|"
        + t.label().role().id() + "|" + String.join(" ", List.of(t.text().split("\\s+")).subList(0,
        Math.min(3, t.text().split("\\s+").length)))).toList();
  }

  @Test
  void doubleMarkersWithAndWithoutSpaceAndBareOnes() {
    assertEquals(List.of("ANA PEREZ|panelist|Good morning all.", "BO LI|panelist|Thank you, Ana.",
            "|unknown|Hello, this is"),
        turns(">> ANA PEREZ:  Good morning all.\n>>BO LI:   Thank you, Ana.\n>>  Hello, this is the floor.\n"));
  }

  @Test
  void markersMidLineInACollapsedTranscript() {
    assertEquals(List.of("MODERATOR|moderator|Welcome. Let us", "ANA PEREZ|panelist|Yes. Access is",
            "MODERATOR|moderator|Thanks."),
        turns(">> MODERATOR: Welcome. Let us start. >> ANA PEREZ: Yes. Access is key. >> MODERATOR: Thanks."));
  }

  @Test
  void unmarkedCapitalsLabelsMidLineCountOnceTheHostsLabelRecurs() {
    String collapsed = "Consultation - FINISHED. SAM ADE: Welcome. I see Ms. Perez. ANA PEREZ: Thank you. Funding "
        + "matters. SAM ADE: Thank you. Mr. Liang. BO LIANG: We agree. SAM ADE: Thanks all.";
    assertEquals(List.of("SAM ADE|panelist|Welcome. I see", "ANA PEREZ|panelist|Thank you. Funding",
        "SAM ADE|panelist|Thank you. Mr.", "BO LIANG|panelist|We agree.", "SAM ADE|panelist|Thanks all."),
        turns(collapsed));
    // A capitals phrase with a colon in speech is not a guest given the floor by name.
    assertEquals(List.of("SAM ADE|panelist|Welcome. KEY POINT:", "ANA PEREZ|panelist|Thanks. GDPR: it",
        "SAM ADE|panelist|Next, Mr. Liang.", "BO LIANG|panelist|Yes. OPTION A:"),
        turns("Intro. SAM ADE: Welcome. KEY POINT: funding. Ms. Perez. ANA PEREZ: Thanks. GDPR: it applies. "
            + "SAM ADE: Next, Mr. Liang. BO LIANG: Yes. OPTION A: fund it. THE TEAM LEAD: agreed."));
    // No capitals label recurs mid-line: those seen once may be speech, even after their last word.
    assertEquals(1, Segmenter.segment("We talked. I see Ms. Perez. ANA PEREZ: she said hello. Then Mr. Liang. "
        + "BO LIANG: yes. Bye.").turns().size());
  }

  @Test
  void singleMarkersAndEmptyNames() {
    assertEquals(List.of("CHAIRMAN|chair|We resume.", "|unknown|Present.", "|unknown|Yes, here."),
        turns(">CHAIRMAN: We resume.\n>>: Present.\n> Yes, here.\n"));
  }

  @Test
  void unmarkedLabelsInCapitalsAndMixedCase() {
    assertEquals(List.of("NITIN DESAI|panelist|Let us begin.", "Ana Perez|panelist|I agree with",
            "NITIN DESAI|panelist|Good.", "Ana Perez|panelist|And one more."),
        turns("NITIN DESAI: Let us begin.\nAna Perez: I agree with that.\nNITIN DESAI: Good.\n"
            + "Ana Perez: And one more.\n"));
  }

  @Test
  void notEveryWordBeforeAColonIsASpeaker() {
    // The transcriber's note is no speaker, and not the moderator's words either (it is left out of the turn).
    assertEquals(List.of("MODERATOR|moderator|Welcome. Source: the"),
        turns("MODERATOR: Welcome.\nNote: the session is recorded.\nSource: the secretariat.\n"
            + "Key Points: access and rights.\n"));
  }

  @Test
  void aMixedCaseLabelSeenOnceIsNotTrusted() {
    assertEquals(1, Segmenter.segment("Main Session: opening remarks were made by the chair of the day.").turns()
        .size());
  }

  @Test
  void titlesRolesOrganisationsAndAffiliations() {
    SpeakerLabel chair = SpeakerLabel.parse("CHAIRMAN DESAI");
    assertEquals("Desai", chair.name());
    assertEquals("Chairman", chair.title());
    assertEquals(Role.CHAIR, chair.role());
    SpeakerLabel mr = SpeakerLabel.parse("MR. O'BRIEN-SMITH");
    assertEquals("O'Brien-Smith", mr.name());
    assertEquals("Mr.", mr.title());
    SpeakerLabel affiliated = SpeakerLabel.parse("ANA PEREZ, Civil Society Network");
    assertEquals("Ana Perez", affiliated.name());
    assertEquals("Civil Society Network", affiliated.organisation());
    assertEquals(Role.ORGANISATION, SpeakerLabel.parse("UNDESA").role());
    assertEquals(Role.AUDIENCE, SpeakerLabel.parse("AUDIENCE").role());
    assertEquals(null, SpeakerLabel.parse("AUDIENCE").name());
    assertEquals("Juan de la Cruz", SpeakerLabel.parse("JUAN DE LA CRUZ").name());
    assertEquals("José Ángel Núñez", SpeakerLabel.parse("JOSÉ ÁNGEL NÚÑEZ").name());
    assertEquals(Role.SECRETARIAT, SpeakerLabel.parse("SECRETARIAT CHENGETAI MASANGO").role());
    assertEquals(Role.PANELIST, SpeakerLabel.parse("DEPUTY SECRETARY-GENERAL WU").role(),
        "an official of the UN speaks as a panelist, not as the forum's secretariat");
    // An office addressed names nobody: no person "Madam Chair" or "Chairman" for every chair of the corpus.
    for (String office : List.of("MADAM CHAIR", "MR. CHAIRMAN", "Mr. President", "MADAM CHAIRPERSON")) {
      SpeakerLabel l = SpeakerLabel.parse(office);
      assertEquals(List.of("null", "CHAIR"), List.of(String.valueOf(l.name()), l.role().name()), office);
    }
    SpeakerLabel excellency = SpeakerLabel.parse("HIS EXCELLENCY JOHN SMITH");
    assertEquals(List.of("John Smith", "His Excellency"), List.of(excellency.name(), excellency.title()));
    assertEquals("Amina Diallo", SpeakerLabel.parse("MADAM AMINA DIALLO").name());
  }

  @Test
  void stageDirectionsDisclaimersAndFurnitureAreNotSpeech() {
    String text = """
        ***
        This is the output of the real-time captioning taken during the meeting. It should not be treated as an
        authoritative record.
        ***
        >> ANA PEREZ: [ Applause ] Thank you (inaudible) very much.
        12
        Deprecated: Function split() is deprecated in /var/www/page.php on line 41
        We must (Laughter.) act now.
        """;
    Segmenter.Segmentation s = Segmenter.segment(text);
    assertEquals(1, s.turns().size(), s.turns().toString());
    Turn t = s.turns().get(0);
    assertEquals("Thank you very much.\nWe must act now.", t.text());
    assertEquals(3, t.stageDirections());
    assertEquals(2, t.furniture());
    assertTrue(s.unattributedWords() > 10, "the disclaimer before the first turn is not a turn");
  }

  @Test
  void speechBeforeTheFirstLabelIsAnUnknownTurnButATitleIsNot() {
    assertEquals(List.of("|unknown|So we are", "ANA PEREZ|panelist|Thanks."),
        turns("So we are live now. Welcome back everyone to the open consultation, please take your seats.\n"
            + ">> ANA PEREZ: Thanks.\n"));
    assertEquals(List.of("ANA PEREZ|panelist|Thanks."),
        turns("IGF 2021 MAG Meeting - Day 2 - RAW\n\n>> ANA PEREZ: Thanks.\n"));
    // A heading that ends as a question is still a heading; the speech after it is the unknown turn, whole.
    List<Turn> asked = Segmenter.segment("IGF 2022 - Open Forum #31 - Data governance: who decides?\n\n"
        + "  ...so if people at the back can close the doors, we will begin. The slides are up, I am told.\n\n"
        + ">>ANA PEREZ:   Thanks.\n").turns();
    assertEquals("...so if people at the back can close the doors, we will begin. The slides are up, I am told.",
        asked.get(0).text());
    assertEquals(20, asked.get(0).words());
  }

  /**
   * Speech wrapped over lines before the first label, or in a transcript without labels, is speech: only a line no
   * sentence runs through is a title (19 words here, 5 were kept).
   */
  @Test
  void wrappedSpeechWithoutALabelIsKeptWhole() {
    String wrapped = "Good morning and welcome to this session on\nyouth participation. We have three speakers\n"
        + "today and a short film.";
    Turn t = Segmenter.segment(wrapped).turns().get(0);
    assertEquals(wrapped, t.text());
    assertEquals(19, t.words());
    assertEquals(0, t.removedWords());
    Turn titled = Segmenter.segment("IGF 2023 Workshop 12\nYouth participation\n\n" + wrapped).turns().get(0);
    assertEquals(wrapped, titled.text(), "the heading's two lines stand before a blank line");
  }

  /** Unix, Windows and old-Mac line ends give the same turns: a lone carriage return ends a line too. */
  @Test
  void lineEndsOfEveryPlatform() {
    String lf = "CHAIR: Welcome.\nFATIMA AL-SAYED: Thank you.\nMore from me.\nCHAIR: Next.\nFATIMA AL-SAYED: Done.\n";
    List<String> expected = List.of("CHAIR|chair|Welcome.", "FATIMA AL-SAYED|panelist|Thank you. More",
        "CHAIR|chair|Next.", "FATIMA AL-SAYED|panelist|Done.");
    assertEquals(expected, turns(lf));
    assertEquals(expected, turns(lf.replace("\n", "\r\n")));
    assertEquals(expected, turns(lf.replace("\n", "\r")));
    assertEquals(List.of(1L, 5L, 1L, 1L), Segmenter.segment(lf.replace("\n", "\r")).turns().stream()
        .map(Turn::words).toList());
    // Whole texts: a heading and a note, each a line of its own, are as much out of the speech with either line end.
    String noted = "IGF 2022 - Open Forum #31 - Who decides?\n\nWe begin now, as the room is full and the hub is online. Please sit.\n\nCHAIR: Welcome.\n"
        + "Note: the chat asked about fees.\nFATIMA AL-SAYED: Thanks.\nCHAIR: Next.\nFATIMA AL-SAYED: Done.\n";
    List<String> texts = Segmenter.segment(noted).turns().stream().map(Turn::text).toList();
    assertEquals(List.of("We begin now, as the room is full and the hub is online. Please sit.", "Welcome.", "Thanks.", "Next.", "Done."), texts);
    assertEquals(texts, Segmenter.segment(noted.replace("\n", "\r")).turns().stream().map(Turn::text).toList());
  }

  @Test
  void aTranscribersNoteInsideATurnIsNotTheSpeakersWords() {
    List<Turn> turns = Segmenter.segment("CHAIR DANVERS: Let us hear from the floor.\n\n"
        + "MARY SMITH: Thank you.\n\nCHAIR DANVERS: A fair reminder. Any last points?\n\n"
        + "Note: a remote participant asked in the chat whether the data will be published.\n\n"
        + "MARY SMITH: Just one. The people we talk about are not in this room.\n").turns();
    assertEquals(List.of("Let us hear from the floor.", "Thank you.", "A fair reminder. Any last points?",
        "Just one. The people we talk about are not in this room."), turns.stream().map(Turn::text).toList());
    assertEquals(6, turns.get(2).words());
    assertEquals(14, turns.get(2).removedWords());
    // Said, not noted: "note" inside a sentence, a line that only starts with the word, a sentence wrapped onto
    // a line that starts "NOTE:", a "Note:" right after the label.
    assertEquals("Please note: the room closes at six.\nNotebooks are on the table.",
        Segmenter.segment("CHAIR DANVERS: Please note: the room closes at six.\nNotebooks are on the table.\n"
            + "MARY SMITH: Thanks.\nCHAIR DANVERS: Bye.\nMARY SMITH: Bye.\n").turns().get(0).text());
    assertEquals(List.of("I WOULD ASK EVERYONE TO TAKE\nNOTE: THE FUNDING IS GONE.", "Note: it is.", "BYE.", "BYE."),
        Segmenter.segment(">> MARY SMITH: I WOULD ASK EVERYONE TO TAKE\nNOTE: THE FUNDING IS GONE.\n"
            + ">> BO LI: Note: it is.\n>> MARY SMITH: BYE.\n>> BO LI: BYE.\n").turns().stream().map(Turn::text)
            .toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "IGF 2022 - Open Forum #31 - Data governance for development: who decides?|true",
      "EuroDIG 2023 – Workshop 5 – Cyber resilience|true",
      "I think - and this is key - we must decide?|false",
      "Mr Chair - thank you - I have a question?|false",
      "OK - so - we begin.|false",
      "IGF 2022 - Open Forum #31|false",
  })
  void headingsBeforeTheFirstLabel(String line, boolean heading) {
    assertEquals(heading, Segmenter.isHeading(line));
  }

  @Test
  void aTranscriptWithoutLabelsIsOneUnknownTurn() {
    Segmenter.Segmentation s = Segmenter.segment("Good morning. We start with access.\n\nThen rights.");
    assertFalse(s.labelled());
    assertEquals(1, s.turns().size());
    assertEquals(Role.UNKNOWN, s.turns().get(0).label().role());
  }

  @Test
  void courtReporterLineNumbersAndChatTimestamps() {
    assertEquals(List.of("MR. SMITH|panelist|We object.", "AUDIENCE|audience|Why?"),
        turns("  1   MR. SMITH: We object.\n  2   AUDIENCE: Why?\n"));
    assertEquals(List.of("Ana Perez|panelist|hi all", "Bo Li|panelist|hello", "Ana Perez|panelist|ready?"),
        turns("10:32:05 Ana Perez: hi all\n10:32:09 Bo Li: hello\n10:33:00 Ana Perez: ready?\n"));
  }

  @Test
  void allCapitalSpeechHoldsColonsThatAreNotLabels() {
    String caps = ("THE CHAIR: WE HAVE THREE ITEMS. FIRST ITEM: BUDGET. THE POINT IS: WE NEED FUNDS AND "
        + "SUPPORT FROM ALL STAKEHOLDERS IN THIS ROOM TODAY.\nMR. SMITH: I AGREE WITH THE POINT MADE.\n")
        .repeat(2);
    assertEquals(List.of("THE CHAIR|chair|WE HAVE THREE", "MR. SMITH|panelist|I AGREE WITH",
        "THE CHAIR|chair|WE HAVE THREE", "MR. SMITH|panelist|I AGREE WITH"), turns(caps));
  }

  @Test
  void nonBreakingHyphensAndCurlyQuotesAreNormalisedForMatchingOnly() {
    Turn t = Segmenter.segment(">> ANNE FRAU\u2011MEIGS: It\u2019s a multi\u2011stakeholder forum.").turns().get(0);
    assertEquals("ANNE FRAU\u2011MEIGS", t.label().raw());
    assertEquals("Anne Frau-Meigs", t.label().name());
    assertEquals("It\u2019s a multi\u2011stakeholder forum.", t.text());
  }
}
