package org.opennessobservatory.ingest.netmundial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CoverSheetTest {

  /** Fictional, in the real layout: wrapped title, area, organisation and keywords; two attachments. */
  private static final String WRAPPED = String.join("\r\n",
      "Open Pipes for Everyone: A Modest",
      "Proposal",
      "Area: COMBINED INTERNET GOVERNANCE PRINCIPLES AND",
      "ROADMAP",
      "Entitled by: Ada Example",
      "Region: Atlantis",
      "Organization: Society for the Study of",
      "Imaginary Networks",
      "Sector: Civil Society",
      "Keywords: pipes, openness,",
      "plumbing",
      "Doc Attached: Click here to see the doc 1",
      "Doc Attached: Click here to see the doc 2",
      "Abstract",
      "We propose that pipes",
      "be open.",
      "Document",
      "Open Pipes for Everyone",
      "Sector: this line is in the full text and must not count",
      "");

  @Test
  void parsesWrappedFieldsAndStopsAtDocument() {
    CoverSheet sheet = CoverSheet.parse("042", WRAPPED);
    assertEquals("042", sheet.serial());
    assertEquals("Open Pipes for Everyone: A Modest Proposal", sheet.title());
    assertEquals("COMBINED INTERNET GOVERNANCE PRINCIPLES AND ROADMAP", sheet.area());
    assertEquals("Ada Example", sheet.author());
    assertEquals("Atlantis", sheet.country());
    assertEquals("Society for the Study of Imaginary Networks", sheet.organisation());
    assertEquals("Civil Society", sheet.sector());
    assertEquals("pipes, openness, plumbing", sheet.keywords());
    assertEquals("We propose that pipes be open.", sheet.abstractText());
  }

  @Test
  void sameResultWithNelLoneCrAndLfLineEnds() {
    CoverSheet crlf = CoverSheet.parse("042", WRAPPED);
    assertEquals(crlf, CoverSheet.parse("042", WRAPPED.replace("\r\n", "\u0085")));
    assertEquals(crlf, CoverSheet.parse("042", WRAPPED.replace("\r\n", "\r")));
    assertEquals(crlf, CoverSheet.parse("042", WRAPPED.replace("\r\n", "\n")));
  }

  @Test
  void missingKeysAreNullAndKeysAreCaseInsensitiveWithOddSpacing() {
    String text = "  A   Title  \r\n"
        + "ENTITLED   BY :   Bo  Example  \r\n"
        + "  sector:technical COMMUNITY\r\n"
        + "Keywords:\r\n"
        + "abstract\r\n";
    CoverSheet sheet = CoverSheet.parse("007", text);
    assertEquals("A Title", sheet.title());
    assertEquals("Bo Example", sheet.author());
    assertEquals("technical COMMUNITY", sheet.sector());
    assertNull(sheet.area());
    assertNull(sheet.country());
    assertNull(sheet.organisation());
    assertNull(sheet.keywords());
    assertNull(sheet.abstractText());
  }

  @Test
  void splitsKeysAndAbstractGluedOnByTheScrape() {
    // as in real sheets 005 and 007, where the title runs into "Area:" and the last key into "Abstract"
    String text = "Pipes and Security in\r\n"
        + "Cyberspace - a perspectiveArea: SET OF PRINCIPLES\r\n"
        + "Entitled by: Cy Example\r\n"
        + "Sector: Academia\r\n"
        + "Doc Attached: Click here to see the doc 1Abstract\r\n"
        + "Short.\r\n";
    CoverSheet sheet = CoverSheet.parse("005", text);
    assertEquals("Pipes and Security in Cyberspace - a perspective", sheet.title());
    assertEquals("SET OF PRINCIPLES", sheet.area());
    assertEquals("Academia", sheet.sector());
    assertEquals("Short.", sheet.abstractText());
  }

  @Test
  void keyLikeWordsInsideTheTitleStayInTheTitle() {
    String text = "Internet governance: what next ?\r\nThe Asia Region: a subarea: view\r\nSector: Other\r\n";
    CoverSheet sheet = CoverSheet.parse("041", text);
    assertEquals("Internet governance: what next ? The Asia Region: a subarea: view", sheet.title());
    assertEquals("Other", sheet.sector());
  }

  @Test
  void emptyInputGivesAllNulls() {
    CoverSheet sheet = CoverSheet.parse("000", "");
    assertNull(sheet.title());
    assertNull(sheet.sector());
    assertNull(sheet.abstractText());
  }
}
