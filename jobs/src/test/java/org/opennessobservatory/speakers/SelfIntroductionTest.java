package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelfIntroductionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Hello, my name is Amara Okafor from the Open Net Africa Coalition in Lagos. I have a question.|Amara Okafor|"
          + "Open Net Africa Coalition",
      "Thank you. I'm Grace Mwangi with the Kenya Youth Internet Caucus, and I have a question.|Grace Mwangi|"
          + "Kenya Youth Internet Caucus",
      "This is Aroha Ngata speaking from Wellington.|Aroha Ngata|-",
      "Hi everyone, I am James Okonkwo-Hale from Britline Communications.|James Okonkwo-Hale|Britline Communications",
      "My name is Priya Raman, Institute for Network Policy, Bengaluru.|Priya Raman|Institute for Network Policy",
      "I am Professor Kwame Mensah of the Accra Institute of Technology.|Kwame Mensah|Accra Institute of Technology",
      "MY NAME IS TOM FAIRBANKS FROM DIGITAL INDUSTRY ALLIANCE UK.|Tom Fairbanks|DIGITAL INDUSTRY ALLIANCE UK",
      "Yes. Yes, thank you. My name’s Rhys Llewellyn, from the Welsh Centre for Internet Studies.|Rhys Llewellyn|"
          + "Welsh Centre for Internet Studies",
  })
  void findsNameAndAffiliation(String text, String name, String organisation) {
    SelfIntroduction intro = SelfIntroduction.find(text).orElseThrow();
    assertEquals(name, intro.name());
    assertEquals(organisation, intro.organisation());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Hello, Grace Mwangi, Kenya Youth Internet Caucus. The shutdown in our region lasted a week.|Grace Mwangi|"
          + "Kenya Youth Internet Caucus",
      "Thanks. Priya Raman, Institute for Network Policy. Are women counted?|Priya Raman|Institute for Network Policy",
      "Thank you, Chair. Good afternoon, Rhys Llewellyn, Welsh Centre for Internet Studies, Cardiff.|Rhys Llewellyn|"
          + "Welsh Centre for Internet Studies",
      "Hi, Tom Fairbanks, from the Digital Industry Alliance UK! Two points.|Tom Fairbanks|"
          + "Digital Industry Alliance UK",
      "Good morning. My name is Amara Okafor from the Open Net Africa Coalition.|Amara Okafor|"
          + "Open Net Africa Coalition",
  })
  void aBareIntroductionFromTheFloor(String text, String name, String organisation) {
    SelfIntroduction intro = SelfIntroduction.fromTheFloor(text).orElseThrow();
    assertEquals(name, intro.name());
    assertEquals(organisation, intro.organisation());
  }

  /** Words that name someone else, or a name and an affiliation inside a longer sentence: not an introduction. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Thank you, Sarah Whitfield, Open Rights Forum, for that point.",
      "Sarah Whitfield, Open Rights Forum, you said earlier that fines are too high.",
      "Hello, Grace Mwangi, Kenya Youth Internet Caucus, and my question is about fees.",
      "Next. Sarah Whitfield, Open Rights Forum.",
      "Hello, Grace, Kenya Youth Internet Caucus.",
      "Yes, I agree. Sarah Whitfield, Open Rights Forum, made the point.",
      "The Internet Society, Geneva. That is where the report was written.",
      "Thank you. Internet Society, Geneva.",
      "Thank you, Madam Chair. United Nations, New York.",
      "Thank you. New Zealand, Asia Pacific. We have a comment.",
      "Thank you. Civil Society, Latin America.",
      "Thank you very much. Grace Mwangi, Kenya Youth Internet Caucus. Please go ahead.",
      "Hello, Sarah Whitfield, Open Rights Forum! Welcome to the panel.",
  })
  void noBareIntroduction(String text) {
    assertTrue(SelfIntroduction.fromTheFloor(text).isEmpty(), () -> "found " + SelfIntroduction.fromTheFloor(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I'm with the Kenya Youth Internet Caucus. Two points.|Kenya Youth Internet Caucus",
      "I work for the Ministry of Digital Affairs, and we agree.|Ministry of Digital Affairs",
      "I represent Pacific Cloud Services here today.|Pacific Cloud Services",
  })
  void affiliationWithoutAName(String text, String organisation) {
    SelfIntroduction intro = SelfIntroduction.find(text).orElseThrow();
    assertEquals(null, intro.name());
    assertEquals(organisation, intro.organisation());
  }

  /** A chair's "This is …" introduces the next speaker; only the first person names the chair. */
  @Test
  void aChairIntroducingAPanelistIsNotThePanelist() {
    String handing = "Good morning. This is Amara Okafor, from the Open Net Africa Coalition. Amara, please.";
    assertEquals("Amara Okafor", SelfIntroduction.find(handing).orElseThrow().name(), "in her own turn: her");
    assertTrue(SelfIntroduction.inChairingTurn(handing).isEmpty(), "in the moderator's turn: nobody");
    assertEquals("Rosa Lindqvist", SelfIntroduction.inChairingTurn("Good morning. My name is Rosa Lindqvist, from "
        + "the Nordic Internet Forum, and I will moderate.").orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I am a student from Nairobi, and I would like to ask about fees.",
      "This is Internet Governance Forum number nineteen.",
      "I am Grace, from the youth caucus.",
      "I am happy to be here.",
      "I think my name is on the list; the chair called me.",
      "",
      "We heard a lot today. Much of it was about access. Then fees. Only now: my name is Amara Okafor.",
  })
  void noIntroduction(String text) {
    Optional<SelfIntroduction> found = SelfIntroduction.find(text);
    assertTrue(found.isEmpty() || found.get().name() == null, () -> "found " + found);
  }
}
