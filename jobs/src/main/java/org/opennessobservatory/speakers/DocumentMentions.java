package org.opennessobservatory.speakers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennessobservatory.speakers.Mention.GenderCue;

/**
 * Who speaks in each turn of one transcript, from what the document itself says: labels, self-introductions, an
 * unnamed role label whose holder introduced themself once, and forms of address ("Ms. Okafor", "Madam Chair") that
 * state a speaker's gender. A whole document is needed because a cue in one turn can name the speaker of another.
 */
public final class DocumentMentions {
  private DocumentMentions() {}

  /** Roles held by one person through a document: their unnamed turns take the name its holder gave. */
  private static final Set<String> ONE_HOLDER_ROLES = Set.of("chair", "moderator", "host", "secretariat");
  /** Roles whose turns are never a person speaking for themself. */
  private static final Set<String> NOT_PERSONS = Set.of("organisation", "interpreter");

  private static final Map<String, Gender> TITLE_GENDER = Map.of("mr", Gender.MAN, "sir", Gender.MAN, "mister",
      Gender.MAN, "ms", Gender.WOMAN, "mrs", Gender.WOMAN, "miss", Gender.WOMAN, "madam", Gender.WOMAN, "madame",
      Gender.WOMAN, "mme", Gender.WOMAN, "chairwoman", Gender.WOMAN);
  // The lookahead turns away, with one character check, the positions where no form of address can start.
  private static final Pattern ADDRESS = Pattern.compile("\\b(?=[MS])(Mr|Mister|Sir|Ms|Mrs|Miss|Madam|Madame|Mme)"
      + "\\.?\\s+(?:(Chair(?:man|woman|person)?|Moderator)\\b|(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){0,2}))");

  public static List<Mention> of(List<DocumentTurn> turns) {
    List<Mention> mentions = new ArrayList<>(turns.size());
    for (DocumentTurn t : turns) {
      mentions.add(fromTurn(t));
    }
    propagateRoleHolders(turns, mentions);
    addressCues(turns, mentions);
    return mentions;
  }

  private static Mention fromTurn(DocumentTurn t) {
    List<GenderCue> cues = new ArrayList<>();
    titleGender(t.title()).ifPresent(g -> cues.add(new GenderCue(g, GenderCue.LABEL)));
    if (NOT_PERSONS.contains(t.role())) {
      return new Mention(t.turnIndex(), null, null, t.organisation(), t.organisation() == null ? null : "label", cues);
    }
    Optional<SelfIntroduction> intro = ONE_HOLDER_ROLES.contains(t.role()) ? SelfIntroduction.inChairingTurn(t.text())
        : t.speakerName() == null ? SelfIntroduction.fromTheFloor(t.text()) : SelfIntroduction.find(t.text());
    String name = t.speakerName();
    String nameSource = name == null ? null : "label";
    if (name == null && intro.map(SelfIntroduction::name).isPresent()) {
      name = intro.get().name();
      nameSource = "self_introduction";
    }
    String organisation = t.organisation();
    String organisationSource = organisation == null ? null : "label";
    if (organisation == null && intro.map(SelfIntroduction::organisation).isPresent()) {
      organisation = intro.get().organisation();
      organisationSource = "self_introduction";
    }
    return new Mention(t.turnIndex(), name, nameSource, organisation, organisationSource, cues);
  }

  /** Words of the title field that are forms of address ("Mr.", "Chairwoman"); mixed cues give none. */
  static Optional<Gender> titleGender(String title) {
    if (title == null) {
      return Optional.empty();
    }
    Set<Gender> found = new LinkedHashSet<>();
    for (String word : title.toLowerCase(Locale.ROOT).split("[\\s.]+")) {
      Gender g = TITLE_GENDER.get(word);
      if (g != null) {
        found.add(g);
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private static void propagateRoleHolders(List<DocumentTurn> turns, List<Mention> mentions) {
    Map<String, Set<String>> namesByLabel = new HashMap<>();
    Map<String, Mention> introducing = new HashMap<>();
    for (int i = 0; i < turns.size(); i++) {
      DocumentTurn t = turns.get(i);
      Mention m = mentions.get(i);
      if (t.speakerName() == null && t.labelRaw() != null && ONE_HOLDER_ROLES.contains(t.role())) {
        Set<String> names = namesByLabel.computeIfAbsent(labelKey(t), k -> new LinkedHashSet<>());
        if (m.name() != null) {
          names.add(NameKey.of(m.name()).key());
          introducing.putIfAbsent(labelKey(t), m);
        }
      }
    }
    for (int i = 0; i < turns.size(); i++) {
      DocumentTurn t = turns.get(i);
      Mention m = mentions.get(i);
      if (m.name() == null && t.labelRaw() != null && namesByLabel.getOrDefault(labelKey(t), Set.of()).size() == 1) {
        Mention holder = introducing.get(labelKey(t));
        mentions.set(i, new Mention(m.turnIndex(), holder.name(), "role_in_document",
            m.organisation() != null ? m.organisation() : holder.organisation(),
            m.organisation() != null ? m.organisationSource() : holder.organisationSource(), m.genderCues()));
      }
    }
  }

  private static String labelKey(DocumentTurn t) {
    return NameKey.of(t.labelRaw()).key();
  }

  /**
   * "Thank you, Ms. Okafor" (or "Ms. Amara Okafor", which also tells two Okafors apart) states the gender of the
   * one speaker of the document with that surname; "Madam Chair" that of the one person who chairs. Ambiguous
   * targets (two speakers of that surname, two chairs) give nothing. The cue goes on the target's first turn, from
   * where it reaches the person.
   */
  private static void addressCues(List<DocumentTurn> turns, List<Mention> mentions) {
    Map<String, Set<String>> namesBySurname = new HashMap<>();
    Map<String, Set<String>> namesByRole = new HashMap<>();
    Map<String, Integer> firstTurn = new HashMap<>();
    for (int i = 0; i < turns.size(); i++) {
      Mention m = mentions.get(i);
      if (m.name() != null) {
        NameKey key = NameKey.of(m.name());
        namesBySurname.computeIfAbsent(key.surname(), k -> new LinkedHashSet<>()).add(key.key());
        namesByRole.computeIfAbsent(turns.get(i).role(), k -> new LinkedHashSet<>()).add(key.key());
        firstTurn.putIfAbsent(key.key(), i);
      }
    }
    for (int i = 0; i < turns.size(); i++) {
      Matcher address = ADDRESS.matcher(turns.get(i).text());
      while (address.find()) {
        Gender gender = TITLE_GENDER.get(address.group(1).toLowerCase(Locale.ROOT));
        Set<String> targets;
        if (address.group(2) != null) {
          String role = address.group(2).toLowerCase(Locale.ROOT).startsWith("chair") ? "chair" : "moderator";
          targets = namesByRole.getOrDefault(role, Set.of());
        } else {
          NameKey addressed = NameKey.of(address.group(3));
          targets = namesBySurname.getOrDefault(addressed.surname(), Set.of());
          if (addressed.isFull() && targets.contains(addressed.key())) {
            targets = Set.of(addressed.key());
          }
        }
        if (targets.size() == 1) {
          int target = firstTurn.get(targets.iterator().next());
          if (target != i) {
            mentions.get(target).genderCues().add(new GenderCue(gender, GenderCue.SPEECH));
          }
        }
      }
    }
  }
}
