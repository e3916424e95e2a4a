package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.speakers.Mention.GenderCue;

class DocumentMentionsTest {

  private static DocumentTurn turn(int i, String role, String label, String name, String title, String org,
      String text) {
    return new DocumentTurn(i, role, label, name, title, org, text);
  }

  @Test
  void audienceTurnsAreNamedOnlyByTheirOwnIntroduction() {
    List<Mention> m = DocumentMentions.of(List.of(
        turn(0, "audience", "AUDIENCE", null, null, null, "My name is Kwame Mensah from the Accra Institute of "
            + "Technology. A question on fees."),
        turn(1, "audience", "AUDIENCE", null, null, null, "Thank you. A follow-up on what was said."),
        turn(2, "unknown", null, null, null, null, "I'm Grace Mwangi with the Kenya Youth Internet Caucus.")));
    assertEquals("Kwame Mensah", m.get(0).name());
    assertEquals("self_introduction", m.get(0).nameSource());
    assertEquals("Accra Institute of Technology", m.get(0).organisation());
    // AUDIENCE is never one person: the next audience turn stays unnamed.
    assertNull(m.get(1).name());
    assertEquals("Grace Mwangi", m.get(2).name());
  }

  /** "Name, Affiliation." names the speaker only from the floor: a chair or a named speaker gives someone the floor. */
  @Test
  void aBareIntroductionCountsOnlyFromTheFloor() {
    String bare = "Thank you. Grace Mwangi, Kenya Youth Internet Caucus.";
    List<Mention> m = DocumentMentions.of(List.of(
        turn(0, "audience", "AUDIENCE", null, null, null, bare),
        turn(1, "unknown", null, null, null, null, bare),
        turn(2, "chair", "CHAIR", null, null, null, bare),
        turn(3, "moderator", "MODERATOR", null, null, null, bare),
        turn(4, "panelist", "SARAH WHITFIELD", "Sarah Whitfield", null, null, bare)));
    assertEquals(Arrays.asList("Grace Mwangi", "Grace Mwangi", null, null, "Sarah Whitfield"),
        m.stream().map(Mention::name).toList());
    assertEquals(Arrays.asList("Kenya Youth Internet Caucus", "Kenya Youth Internet Caucus", null, null, null),
        m.stream().map(Mention::organisation).toList());
  }

  @Test
  void anUnnamedRoleLabelTakesTheNameItsHolderGave() {
    List<Mention> m = DocumentMentions.of(List.of(
        turn(0, "moderator", "MODERATOR", null, null, null, "Good morning. I'm Chloe Danvers, chair of the "
            + "steering group. Let us start."),
        turn(1, "panelist", "SARAH WHITFIELD", "Sarah Whitfield", null, null, "Thank you, Chloe."),
        turn(2, "moderator", "MODERATOR", null, null, null, "Thank you, Sarah.")));
    assertEquals("Chloe Danvers", m.get(0).name());
    assertEquals("self_introduction", m.get(0).nameSource());
    assertEquals("Chloe Danvers", m.get(2).name());
    assertEquals("role_in_document", m.get(2).nameSource());
    assertEquals("label", m.get(1).nameSource());
  }

  @Test
  void formsOfAddressStateGenderOnlyWhenTheTargetIsUnambiguous() {
    List<Mention> m = DocumentMentions.of(List.of(
        turn(0, "chair", "CHAIR BRENNER", "Brenner", "Chair", null, "Welcome. I give the floor to Ms. Okafor."),
        turn(1, "panelist", "AMARA OKAFOR", "Amara Okafor", null, null, "Thank you, Mr. Chairman."),
        turn(2, "panelist", "MR. KWAME MENSAH", "Kwame Mensah", "Mr.", null, "Thank you, Madam Okafor."),
        turn(3, "panelist", "ANNA SCHMIDT", "Anna Schmidt", null, null, "I agree with Mr. Schmidt."),
        turn(4, "panelist", "PETER SCHMIDT", "Peter Schmidt", null, null, "Thanks, Ms. Anna Schmidt.")));
    assertEquals(List.of(new GenderCue(Gender.WOMAN, GenderCue.SPEECH), new GenderCue(Gender.WOMAN,
        GenderCue.SPEECH)), m.get(1).genderCues());
    assertEquals(List.of(new GenderCue(Gender.MAN, GenderCue.SPEECH)), m.get(0).genderCues());
    assertEquals(List.of(new GenderCue(Gender.MAN, GenderCue.LABEL)), m.get(2).genderCues());
    // Two speakers named Schmidt: "Mr. Schmidt" says nothing about either; "Ms. Anna Schmidt" names one of them.
    assertEquals(List.of(new GenderCue(Gender.WOMAN, GenderCue.SPEECH)), m.get(3).genderCues());
    assertEquals(List.of(), m.get(4).genderCues());
  }

  @Test
  void organisationsAndInterpretersAreNotPersons() {
    List<Mention> m = DocumentMentions.of(List.of(
        turn(0, "organisation", "UNDESA", null, null, "UNDESA", "My name is Li Wei from UNDESA."),
        turn(1, "interpreter", "INTERPRETER", null, null, null, "I am Ana Perez, your interpreter.")));
    assertNull(m.get(0).name());
    assertEquals("UNDESA", m.get(0).organisation());
    assertNull(m.get(1).name());
  }
}
