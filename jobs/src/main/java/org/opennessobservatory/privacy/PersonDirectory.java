package org.opennessobservatory.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opennessobservatory.speakers.IdentityLinker;
import org.opennessobservatory.speakers.Registry;
import org.opennessobservatory.speakers.RegistryEntry;
import org.opennessobservatory.speakers.ResolveStage;

/**
 * Every person the outputs can name, with every form of the name: the registry's names and aliases (also of
 * persons who never speak, since documents name them too) and, for each person of {@code speakers}, the name shown
 * and every form seen in labels and self-introductions ("Ana Petrovi?" from a damaged PDF included).
 */
public final class PersonDirectory {
  /** Names by person id, persons in id order so that a name two persons share always gets the same pseudonym. */
  private final Map<String, Set<String>> namesById = new TreeMap<>();

  public void addRegistry(Registry registry) {
    registry.rowsByPerson().forEach((person, rows) -> {
      Set<String> names = names(ResolveStage.personIdOf(IdentityLinker.registryKey(person)));
      for (RegistryEntry row : rows) {
        names.add(row.name());
        names.addAll(row.aliases());
      }
    });
  }

  public void addSpeaker(String personId, String displayName, List<String> aliasesSeen) {
    Set<String> names = names(personId);
    if (displayName != null) {
      names.add(displayName);
    }
    names.addAll(aliasesSeen);
  }

  public int persons() {
    return namesById.size();
  }

  /** The pseudonymous name for every name form; where two persons share a form, the person of the lower id's. */
  public Map<String, String> pseudonymByName(Pseudonyms pseudonyms) {
    Map<String, String> byName = new LinkedHashMap<>();
    namesById.forEach((id, names) -> names.forEach(n -> byName.putIfAbsent(n, Pseudonyms.name(pseudonyms.id(id)))));
    return byName;
  }

  /** The key table: person id, pseudonymous id, pseudonymous name, then the name forms joined by |. */
  public List<List<String>> keyTable(Pseudonyms pseudonyms) {
    List<List<String>> rows = new ArrayList<>();
    namesById.forEach((id, names) -> {
      String pseudonym = pseudonyms.id(id);
      rows.add(List.of(id, pseudonym, Pseudonyms.name(pseudonym), String.join("|", names)));
    });
    return rows;
  }

  private Set<String> names(String personId) {
    return namesById.computeIfAbsent(personId, k -> new LinkedHashSet<>());
  }
}
