package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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
