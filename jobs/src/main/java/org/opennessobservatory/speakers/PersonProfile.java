package org.opennessobservatory.speakers;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything said of one person, merged: the registry first (it is declared), then what the transcripts say
 * (organisations named, forms of address), each value with its source. Organisation and stakeholder group can change
 * over the years, so they are also given per year.
 */
public record PersonProfile(String personKey, String displayName, List<String> aliasesSeen, String organisation,
    String organisationSource, Group group, String gender, String genderSource, String country, String region,
    String firstSeenForum, Integer firstSeenYear, List<String> documents, long turns, long words,
    String resolutionMethod, double confidence, List<IdentityLinker.Candidate> candidates, Map<Integer, Group> byYear) {

  /** A stakeholder group and where it came from: registry, organisation_keywords or unknown. */
  public record Group(String group, String source) {
    static final Group UNKNOWN = new Group(StakeholderGroup.UNKNOWN.id(), "unknown");
  }

  public static PersonProfile of(String personKey, List<PersonMention> given, Registry registry,
      StakeholderKeywords keywords) {
    boolean registered = personKey.startsWith(IdentityLinker.registryKey(""));
    String registryPerson = registered ? personKey.substring(IdentityLinker.registryKey("").length()) : null;
    // In time order (turns are unique), so that every tie below — the example of the most frequent organisation, the
    // best of equal candidates — is broken the same way whatever order Spark hands the rows in.
    List<PersonMention> mentions = given.stream().sorted(Comparator.comparing((PersonMention m) -> m.year(),
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PersonMention::forum,
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PersonMention::docId)
        .thenComparingInt(PersonMention::turnIndex)).toList();
    PersonMention first = mentions.get(0);
    Integer lastYear = mentions.stream().map(PersonMention::year).filter(Objects::nonNull).reduce((a, b) -> b)
        .orElse(null);

    Map<Integer, Group> byYear = new TreeMap<>();
    for (Integer year : mentions.stream().map(PersonMention::year).filter(Objects::nonNull).collect(Collectors.toSet())) {
      byYear.put(year, groupIn(year, registryPerson, mentions, registry, keywords));
    }
    Group current = lastYear != null ? byYear.get(lastYear) : groupIn(null, registryPerson, mentions, registry,
        keywords);

    String organisation;
    String organisationSource;
    String gender = null;
    String genderSource = null;
    String country = null;
    String region = null;
    RegistryEntry entry = registered ? registry.at(registryPerson, lastYear == null ? 0 : lastYear) : null;
    if (entry != null && entry.organisation() != null) {
      organisation = entry.organisation();
      organisationSource = "registry";
    } else {
      PersonMention named = mostFrequent(mentions.stream().filter(m -> m.organisation() != null).toList(),
          PersonMention::organisation).orElse(null);
      organisation = named == null ? null : named.organisation();
      organisationSource = named == null ? null : named.organisationSource();
    }
    if (entry != null) {
      country = entry.country();
      region = entry.region();
    }
    if (entry != null && entry.gender() != null) {
      gender = entry.gender().id();
      genderSource = "registry";
    } else {
      Set<String> stated = new TreeSet<>();
      Set<String> sources = new TreeSet<>();
      for (PersonMention m : mentions) {
        for (String cue : m.genderCues()) {
          stated.add(cue.substring(0, cue.indexOf(':')));
          sources.add(cue.substring(cue.indexOf(':') + 1));
        }
      }
      if (stated.size() == 1) {
        gender = stated.iterator().next();
        // The label is the stronger statement: it is how the meeting named the speaker.
        genderSource = sources.contains(Mention.GenderCue.LABEL) ? Mention.GenderCue.LABEL : Mention.GenderCue.SPEECH;
      } else if (stated.size() > 1) {
        genderSource = "conflicting_forms_of_address";
      }
    }

    List<PersonMention> fullNames = mentions.stream().filter(m -> NameKey.of(m.name()).isFull()).toList();
    String displayName = registered ? registry.nameOf(registryPerson)
        : mostFrequent(fullNames.isEmpty() ? mentions : fullNames, PersonMention::name).orElseThrow().name();
    List<String> aliases = new TreeSet<>(mentions.stream().map(PersonMention::name).toList()).stream().toList();
    List<String> documents = new TreeSet<>(mentions.stream().map(PersonMention::docId).toList()).stream().toList();
    long words = mentions.stream().mapToLong(PersonMention::words).sum();
    double confidence = mentions.stream().mapToDouble(PersonMention::linkScore).min().orElse(1.0);
    String method = registered ? "registry" : personKey.startsWith("partial:") ? "partial_name" : "name";
    Map<String, IdentityLinker.Candidate> candidates = new TreeMap<>();
    mentions.stream().flatMap(m -> m.candidates().stream()).filter(c -> !c.personKey().equals(personKey))
        .forEach(c -> candidates.merge(c.personKey(), c, (a, b) -> a.score() >= b.score() ? a : b));
    return new PersonProfile(personKey, displayName, aliases, organisation, organisationSource, current, gender,
        genderSource, country, region, first.forum(), first.year(), documents, mentions.size(), words, method,
        confidence, List.copyOf(candidates.values()), byYear);
  }

  /**
   * The registry row that holds that year; else the group most of that year's named organisations point to; else
   * that of all years.
   */
  private static Group groupIn(Integer year, String registryPerson, List<PersonMention> mentions, Registry registry,
      StakeholderKeywords keywords) {
    if (registryPerson != null) {
      Optional<StakeholderGroup> registered = registry.holding(registryPerson, year).map(RegistryEntry::group);
      if (registered.isPresent()) {
        return new Group(registered.get().id(), "registry");
      }
    }
    Optional<String> ofYear = keywordGroup(mentions.stream().filter(m -> Objects.equals(m.year(), year)).toList(),
        keywords);
    Optional<String> ofAll = ofYear.isPresent() ? ofYear : keywordGroup(mentions, keywords);
    return ofAll.map(g -> new Group(g, "organisation_keywords")).orElse(Group.UNKNOWN);
  }

  /** The group most turns' organisations point to; ties go to the taxonomy's order. */
  private static Optional<String> keywordGroup(List<PersonMention> mentions, StakeholderKeywords keywords) {
    Map<StakeholderGroup, Long> votes = new TreeMap<>();
    for (PersonMention m : mentions) {
      keywords.groupOf(m.organisation()).ifPresent(g -> votes.merge(g, 1L, Long::sum));
    }
    return votes.entrySet().stream().max(Map.Entry.<StakeholderGroup, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(e -> e.getKey().id());
  }

  /** The mention whose value is most frequent; ties to the value first in alphabetical order. */
  private static Optional<PersonMention> mostFrequent(List<PersonMention> mentions,
      Function<PersonMention, String> value) {
    Map<String, Long> counts = new HashMap<>();
    Map<String, PersonMention> example = new HashMap<>();
    for (PersonMention m : mentions) {
      counts.merge(value.apply(m), 1L, Long::sum);
      example.putIfAbsent(value.apply(m), m);
    }
    return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(e -> example.get(e.getKey()));
  }
}
