package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.Mutations;
import org.opennessobservatory.testing.TestPaths;
import org.opennessobservatory.transcripts.Segmenter;
import org.opennessobservatory.transcripts.Turn;

/**
 * Resolution's per-document and cross-document steps on mutated gold transcripts and random names: no exception; one
 * mention per turn, in order, a name only with its source; every observed name linked exactly once, with a score in
 * (0, 1]; the same input gives the same links.
 */
class ResolutionPropertiesTest {
  private static final List<String> PIECES = List.of("\n>> MS. ANA PEREZ: ", "\n>> MODERATOR: ", " My name is ",
      "My name is Bo Li from the Accra Institute. ", "I'm Ana Perez with Open Net. ", "Thank you, Ms. Perez. ",
      "Madam Chair, ", "\n>> AUDIENCE: ", "\n>> MR. : ", "\n>> DR. O'NEIL-SMITH, ISOC: ", "\u0000", "\u00e9\u0301",
      "\n>>: ", " This is Kwame Mensah speaking from Accra. ", "\n>> \u2603 \u2603: ", ">>", ":");

  private static List<String> goldTranscripts() throws IOException {
    try (Stream<Path> files = Files.list(TestPaths.repo().resolve("jobs/src/test/resources/gold/segmentation"))) {
      List<String> texts = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(f));
      }
      return texts;
    }
  }

  @Test
  void mutatedTranscriptsResolveWithoutFaultAndKeepTheInvariants() throws IOException {
    List<String> gold = goldTranscripts();
    Random random = new Random(11);
    Map<String, IdentityLinker.Observation> observations = new HashMap<>();
    for (int round = 0; round < 300; round++) {
      String doc = "d" + round;
      String text = Mutations.text(gold.get(random.nextInt(gold.size())), random, PIECES);
      List<DocumentTurn> turns = new ArrayList<>();
      List<Turn> segmented = Segmenter.segment(text).turns();
      for (int i = 0; i < segmented.size(); i++) {
        Turn t = segmented.get(i);
        turns.add(new DocumentTurn(i, t.label().role().id(), t.label().raw(), t.label().name(), t.label().title(),
            t.label().organisation(), t.text()));
      }
      List<Mention> mentions = DocumentMentions.of(turns);
      assertEquals(turns.size(), mentions.size(), "one mention per turn");
      for (int i = 0; i < mentions.size(); i++) {
        Mention m = mentions.get(i);
        assertEquals(i, m.turnIndex());
        assertEquals(m.name() == null, m.nameSource() == null, "a name comes with its source: " + m);
        assertTrue(m.name() == null || !m.name().isBlank(), "a blank name: " + m);
        assertEquals(m.organisation() == null, m.organisationSource() == null, "an organisation with its source");
        assertNotNull(m.genderCues());
        if (m.name() != null) {
          NameKey key = NameKey.of(m.name());
          if (!key.isEmpty()) {
            // As stage resolve keys them: a full name across documents, anything less within its document.
            String k = key.isFull() ? key.key() : key.key() + "@" + doc;
            observations.merge(k, new IdentityLinker.Observation(k, key, Set.of(doc), Set.of(), null, null),
                (a, b) -> new IdentityLinker.Observation(k, key, union(a.documents(), b.documents()), Set.of(),
                    null, null));
          }
        }
      }
    }
    assertTrue(observations.size() > 20, "the mutants still name people: " + observations.size());
    checkLinks(observations.values());
  }

  @Test
  void randomNamesLinkWithoutFault() {
    Random random = new Random(5);
    String alphabet = "abcdeéßøłĆ O'-.,\u0301\u2019 vandeLLBrennerOkafor\u0000\t";
    Map<String, IdentityLinker.Observation> observations = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(25); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      NameKey key = NameKey.of(name.toString());
      assertNotNull(key.block());
      assertEquals(key.isEmpty(), key.key().isEmpty());
      if (!key.isEmpty()) {
        observations.putIfAbsent(key.key(), new IdentityLinker.Observation(key.key(), key,
            Set.of("d" + random.nextInt(20)), Set.of(), null, null));
      }
      SelfIntroduction.find("My name is " + name + " from " + name + ". Thank you.");
    }
    checkLinks(observations.values());
  }

  /** Links block by block, as stage resolve does: each observation once, scores in (0, 1], deterministic. */
  private static void checkLinks(java.util.Collection<IdentityLinker.Observation> observations) {
    Map<String, List<IdentityLinker.Observation>> blocks = new HashMap<>();
    observations.forEach(o -> blocks.computeIfAbsent(o.name().block(), b -> new ArrayList<>()).add(o));
    for (List<IdentityLinker.Observation> block : blocks.values()) {
      List<IdentityLinker.Link> links = IdentityLinker.link(block, Map.of());
      Set<String> linked = new HashSet<>();
      for (IdentityLinker.Link l : links) {
        assertTrue(linked.add(l.observationKey()), "linked twice: " + l.observationKey());
        assertNotNull(l.personKey());
        assertTrue(l.score() > 0 && l.score() <= 1, "score " + l.score());
      }
      assertEquals(block.stream().map(IdentityLinker.Observation::observationKey).collect(
          java.util.stream.Collectors.toSet()), linked, "every observation linked");
      assertEquals(links, IdentityLinker.link(new ArrayList<>(block), Map.of()), "the same links twice");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
