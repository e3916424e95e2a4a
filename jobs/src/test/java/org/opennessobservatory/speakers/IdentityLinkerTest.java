package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdentityLinkerTest {

  private static IdentityLinker.Observation full(String name, Set<String> docs, Set<String> orgs) {
    return new IdentityLinker.Observation(NameKey.of(name).key(), NameKey.of(name), docs, orgs, null, null);
  }

  private static IdentityLinker.Observation partial(String name, String doc) {
    return new IdentityLinker.Observation(NameKey.of(name).key() + "@" + doc, NameKey.of(name), Set.of(doc),
        Set.of(), null, null);
  }

  private static Map<String, IdentityLinker.Link> link(List<IdentityLinker.Observation> obs,
      Map<String, IdentityLinker.Seed> registry) {
    return IdentityLinker.link(new ArrayList<>(obs), registry).stream()
        .collect(Collectors.toMap(IdentityLinker.Link::observationKey, Function.identity()));
  }

  @Test
  void misspellingMergesOnlyWhenCorroborated() {
    // "okonkwo hale" vs "okonkow hale": Jaro-Winkler 0.98, 2 edits (a transposition counts as 2 in Levenshtein).
    var links = link(List.of(
        full("James Okonkwo-Hale", Set.of("d1", "d2"), Set.of()),
        full("James Okonkow-Hale", Set.of("d2"), Set.of()),
        full("James Okonkwo-Hail", Set.of("d9"), Set.of())), Map.of());
    // The spelling in most documents founds the person; the misspelling in d2 shares a document with it.
    assertEquals("name:james okonkwo hale", links.get("james okonkwo hale").personKey());
    IdentityLinker.Link shared = links.get("james okonkow hale");
    assertEquals("name:james okonkwo hale", shared.personKey());
    assertEquals("similar_name", shared.method());
    assertTrue(shared.score() >= IdentityLinker.SIMILAR);
    // As close a spelling, but nothing in common: a person of its own, the other one only a candidate.
    IdentityLinker.Link alone = links.get("james okonkwo hail");
    assertEquals("name:james okonkwo hail", alone.personKey());
    assertEquals(List.of("name:james okonkwo hale"), alone.candidates().stream()
        .map(IdentityLinker.Candidate::personKey).toList());
  }

  @Test
  void uncorroboratedSimilarNameIsACandidateNotAMerge() {
    var links = link(List.of(
        full("Maria Garcia", Set.of("d1"), Set.of("ministry of digital affairs")),
        full("Marta Garcia", Set.of("d7"), Set.of("open net africa coalition"))), Map.of());
    IdentityLinker.Link marta = links.get("marta garcia");
    assertEquals("name:marta garcia", marta.personKey());
    assertEquals("exact", marta.method());
    assertEquals(List.of("name:maria garcia"), marta.candidates().stream()
        .map(IdentityLinker.Candidate::personKey).toList());
  }

  @Test
  void registryNamesAndAliasesAnchorTheBlock() {
    var seed = new IdentityLinker.Seed(List.of(NameKey.of("Lukas Brenner"), NameKey.of("Luke Brenner")),
        Set.of("ministry of digital infrastructure"));
    var links = link(List.of(
        new IdentityLinker.Observation("luke brenner", NameKey.of("Luke Brenner"), Set.of("d1"), Set.of(),
            "lukas brenner", "registry_alias"),
        full("Lukas Brener", Set.of("d5"), Set.of("ministry of digital infrastructure")),
        partial("Brenner", "d3"),
        partial("L. Brenner", "d4")), Map.of("lukas brenner", seed));
    assertEquals("registry:lukas brenner", links.get("luke brenner").personKey());
    assertEquals("registry_alias", links.get("luke brenner").method());
    // The misspelling shares the registry's organisation: corroborated.
    assertEquals("registry:lukas brenner", links.get("lukas brener").personKey());
    // One person of that surname (and initial) in the corpus, none in the document: the corpus-wide score.
    assertEquals("registry:lukas brenner", links.get("brenner@d3").personKey());
    assertEquals(IdentityLinker.SCORE_IN_CORPUS, links.get("brenner@d3").score());
    assertEquals("initials", links.get("l brenner@d4").method());
  }

  /**
   * "MS. AL-SAYED" names a surname of two parts, not a person "Al Sayed" of its own: it is matched as a partial name,
   * on the whole surname (Fatima Al-Sayed, not Omar Sayed); "J. M. Smith" keeps its initial (not Anna Smith).
   */
  @Test
  void aSurnameOfSeveralPartsAndSeveralInitialsAreMatchedAsPartialNames() {
    var links = link(List.of(
        full("Fatima Al-Sayed", Set.of("d1"), Set.of()),
        full("Omar Sayed", Set.of("d2"), Set.of()),
        full("Anna Smith", Set.of("d3"), Set.of()),
        partial("Al-Sayed", "d5"),
        partial("J. M. Smith", "d3")), Map.of());
    assertEquals("name:fatima al sayed", links.get("al sayed@d5").personKey());
    assertEquals(IdentityLinker.SCORE_IN_CORPUS, links.get("al sayed@d5").score());
    assertEquals("partial:j m smith@d3", links.get("j m smith@d3").personKey(), "no Smith of initial J");
  }

  @Test
  void surnameSharedBySeveralPersonsStaysApartUnlessTheDocumentDecides() {
    var links = link(List.of(
        full("Anna Schmidt", Set.of("d1"), Set.of()),
        full("Peter Schmidt", Set.of("d2"), Set.of()),
        partial("Schmidt", "d2"),
        partial("Schmidt", "d3")), Map.of());
    assertEquals("name:peter schmidt", links.get("schmidt@d2").personKey());
    assertEquals(IdentityLinker.SCORE_IN_DOCUMENT, links.get("schmidt@d2").score());
    IdentityLinker.Link ambiguous = links.get("schmidt@d3");
    assertEquals("partial_name", ambiguous.method());
    assertEquals("partial:schmidt@d3", ambiguous.personKey());
    assertEquals(2, ambiguous.candidates().size());
    assertNotEquals(links.get("schmidt@d2").personKey(), ambiguous.personKey());
  }
}
