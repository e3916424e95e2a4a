package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Decides which names are one person, within one block of names whose surnames sound alike (NameKey.block). Strong
 * signals link: the registry (name or alias), the same full name, a near-identical spelling seen in the same document
 * or with the same organisation, an initial or surname that fits exactly one person (preferably one in the same
 * document). Weak signals — a similar spelling with nothing to corroborate it, a surname several persons share — never
 * link: they are reported as candidates beside the persons they would have merged.
 */
public final class IdentityLinker {
  private IdentityLinker() {}

  /** Jaro-Winkler similarity from which two spellings of a full name may be one name misspelt. */
  static final double SIMILAR = 0.93;
  /** At most this many edits between the two spellings. */
  static final int MAX_EDITS = 2;
  /** Similarity from which a different person is reported as a possible match. */
  static final double CANDIDATE = 0.85;
  static final double SCORE_IN_DOCUMENT = 0.9;
  static final double SCORE_IN_CORPUS = 0.75;
  static final double SCORE_PARTIAL = 0.5;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS);

  /**
   * A name as seen in the corpus: a full name once for the whole corpus, a partial name (surname, initial) once per
   * document, because what it refers to depends on who else is in that document.
   *
   * @param registryPerson the registry person whose name or alias this is, or null
   * @param registryMethod {@code registry} (the registry's name) or {@code registry_alias}
   */
  public record Observation(String observationKey, NameKey name, Set<String> documents, Set<String> organisations,
      String registryPerson, String registryMethod) implements Serializable {}

  public record Candidate(String personKey, String method, double score) implements Serializable {}

  /** The person an observation belongs to, how that was decided and how sure it is. */
  public record Link(String observationKey, String personKey, String method, double score,
      List<Candidate> candidates) implements Serializable {}

  /** What the registry says of a person in a block: names and aliases, and organisations (as folded keys). */
  public record Seed(List<NameKey> names, Set<String> organisations) implements Serializable {}

  /** A person taking shape: the full names that are theirs, the documents and organisations seen with them. */
  private static final class Cluster {
    final String personKey;
    final List<NameKey> fullNames = new ArrayList<>();
    final Set<String> documents = new HashSet<>();
    final Set<String> organisations = new HashSet<>();

    Cluster(String personKey) {
      this.personKey = personKey;
    }

    void add(Observation o) {
      if (o.name().isFull()) {
        fullNames.add(o.name());
      }
      documents.addAll(o.documents());
      organisations.addAll(o.organisations());
    }
  }

  /**
   * @param observations the names of one block
   * @param registry each registry person with a name in this block
   */
  public static List<Link> link(Collection<Observation> observations, Map<String, Seed> registry) {
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    registry.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Cluster c = clusters.computeIfAbsent(registryKey(e.getKey()), Cluster::new);
      e.getValue().names().stream().filter(NameKey::isFull).forEach(c.fullNames::add);
      c.organisations.addAll(e.getValue().organisations());
    });
    List<Observation> ordered = new ArrayList<>(observations);
    ordered.sort(Comparator.comparingInt(IdentityLinker::pass)
        .thenComparing(o -> -o.documents().size()).thenComparing(Observation::observationKey));
    List<Link> links = new ArrayList<>();
    for (Observation o : ordered) {
      Link link = switch (pass(o)) {
        case 0 -> new Link(o.observationKey(), registryKey(o.registryPerson()), o.registryMethod(), 1.0, List.of());
        case 1 -> linkFull(o, clusters);
        default -> linkPartial(o, clusters);
      };
      clusters.computeIfAbsent(link.personKey(), Cluster::new).add(o);
      links.add(link);
    }
    return links;
  }

  public static String registryKey(String registryPerson) {
    return "registry:" + registryPerson;
  }

  /** Registry names first (they anchor the block), then full names, then partial names that need both. */
  private static int pass(Observation o) {
    if (o.registryPerson() != null) {
      return 0;
    }
    return o.name().isFull() ? 1 : 2;
  }

  private static Link linkFull(Observation o, Map<String, Cluster> clusters) {
    Cluster best = null;
    double bestScore = 0;
    List<Candidate> candidates = new ArrayList<>();
    for (Cluster c : clusters.values()) {
      double score = similarity(o.name(), c);
      boolean corroborated = !disjoint(o.documents(), c.documents) || !disjoint(o.organisations(), c.organisations);
      if (score >= SIMILAR && corroborated && score > bestScore) {
        best = c;
        bestScore = score;
      } else if (score >= CANDIDATE) {
        candidates.add(new Candidate(c.personKey, "similar_name", round(score)));
      }
    }
    if (best != null) {
      String bestKey = best.personKey;
      return new Link(o.observationKey(), bestKey, "similar_name", round(bestScore),
          candidates.stream().filter(c -> !c.personKey().equals(bestKey)).toList());
    }
    return new Link(o.observationKey(), "name:" + o.name().key(), "exact", 1.0, candidates);
  }

  /** Highest similarity to one of the cluster's full names with the same initial and few enough edits. */
  private static double similarity(NameKey name, Cluster c) {
    double best = 0;
    for (NameKey other : c.fullNames) {
      if (other.initial() == name.initial() && LEVENSHTEIN.apply(name.key(), other.key()) >= 0) {
        best = Math.max(best, JARO_WINKLER.apply(name.key(), other.key()));
      }
    }
    return best;
  }

  private static Link linkPartial(Observation o, Map<String, Cluster> clusters) {
    NameKey name = o.name();
    String method = name.isInitialled() ? "initials" : "surname";
    // The whole surname as written must end the full name: "Al-Sayed" is Fatima Al-Sayed, not Omar Sayed.
    List<Cluster> fitting = clusters.values().stream().filter(c -> c.fullNames.stream().anyMatch(f ->
        f.endsWith(name.surnameWords()) && (!name.isInitialled() || f.initial() == name.initial()))).toList();
    List<Cluster> inDocument = fitting.stream().filter(c -> !disjoint(c.documents, o.documents())).toList();
    if (inDocument.size() == 1) {
      return new Link(o.observationKey(), inDocument.get(0).personKey, method, SCORE_IN_DOCUMENT, List.of());
    }
    if (inDocument.isEmpty() && fitting.size() == 1) {
      return new Link(o.observationKey(), fitting.get(0).personKey, method, SCORE_IN_CORPUS, List.of());
    }
    List<Candidate> candidates = fitting.stream().map(c -> new Candidate(c.personKey, method, SCORE_PARTIAL)).toList();
    return new Link(o.observationKey(), "partial:" + o.observationKey(), "partial_name", SCORE_PARTIAL, candidates);
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
