package org.opennessobservatory.transcripts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opennessobservatory.ingest.Forums;

/**
 * What a speaker label says: "CHAIRMAN DESAI" is title Chairman, name Desai, role chair; "AUDIENCE" a role without
 * a name; "Ana Perez, Civil Society Network" a name with an organisation; "UNDESA" an organisation speaking.
 *
 * @param raw the label as written (without marker and colon)
 * @param name the person's name in Title Case without titles, or null when the label names nobody
 * @param title forms of address and offices cut from the label ("Mr.", "Chairman"), or null
 */
public record SpeakerLabel(String raw, String name, String title, Role role, String organisation) {

  /** A turn without a label, or with a bare marker. */
  public static final SpeakerLabel NONE = new SpeakerLabel(null, null, null, Role.UNKNOWN, null);

  /** Whole labels that are a role, not a person. */
  private static final Map<String, Role> ROLE_LABELS = Map.ofEntries(
      Map.entry("MODERATOR", Role.MODERATOR), Map.entry("CO-MODERATOR", Role.MODERATOR),
      Map.entry("REMOTE MODERATOR", Role.MODERATOR), Map.entry("ONLINE MODERATOR", Role.MODERATOR),
      Map.entry("CHAIR", Role.CHAIR), Map.entry("CHAIRMAN", Role.CHAIR), Map.entry("CHAIRWOMAN", Role.CHAIR),
      Map.entry("CHAIRPERSON", Role.CHAIR), Map.entry("CO-CHAIR", Role.CHAIR), Map.entry("VICE-CHAIR", Role.CHAIR),
      Map.entry("PRESIDENT", Role.CHAIR),
      Map.entry("AUDIENCE", Role.AUDIENCE), Map.entry("AUDIENCE MEMBER", Role.AUDIENCE),
      Map.entry("PARTICIPANT", Role.AUDIENCE), Map.entry("FLOOR", Role.AUDIENCE), Map.entry("QUESTION", Role.AUDIENCE),
      Map.entry("SPEAKER", Role.UNKNOWN), Map.entry("UNIDENTIFIED SPEAKER", Role.UNKNOWN),
      Map.entry("HOST", Role.HOST), Map.entry("ANNOUNCER", Role.HOST), Map.entry("COORDINATOR", Role.HOST),
      Map.entry("OPERATOR", Role.HOST), Map.entry("EMCEE", Role.HOST), Map.entry("MC", Role.HOST),
      Map.entry("MASTER OF CEREMONIES", Role.HOST), Map.entry("NARRATOR", Role.HOST), Map.entry("VIDEO", Role.HOST),
      Map.entry("SECRETARIAT", Role.SECRETARIAT),
      Map.entry("REMOTE", Role.REMOTE), Map.entry("REMOTE PARTICIPANT", Role.REMOTE),
      Map.entry("ONLINE PARTICIPANT", Role.REMOTE), Map.entry("REMOTE SPEAKER", Role.REMOTE),
      Map.entry("INTERPRETER", Role.INTERPRETER), Map.entry("INTERPRETATION", Role.INTERPRETER),
      // Spanish and French transcripts (ICANN interpretation, subtitles).
      Map.entry("MODERADOR", Role.MODERATOR), Map.entry("MODERADORA", Role.MODERATOR),
      Map.entry("MODERATEUR", Role.MODERATOR), Map.entry("MODERATRICE", Role.MODERATOR),
      Map.entry("PRESIDENTE", Role.CHAIR), Map.entry("PRESIDENTA", Role.CHAIR), Map.entry("PRESIDENTE DE SEANCE",
          Role.CHAIR), Map.entry("PARTICIPANTE", Role.AUDIENCE), Map.entry("PUBLICO", Role.AUDIENCE),
      Map.entry("INTERPRETE", Role.INTERPRETER), Map.entry("ORADOR", Role.UNKNOWN));

  /** Titles and offices before a name, longest first; the role they give the named speaker. */
  private static final List<Map.Entry<String, Role>> TITLES = List.of(
      Map.entry("HIS EXCELLENCY", Role.PANELIST), Map.entry("HER EXCELLENCY", Role.PANELIST),
      Map.entry("EXCELLENCY", Role.PANELIST), Map.entry("DEPUTY MINISTER", Role.PANELIST),
      // A (deputy) secretary-general speaks as an official, not as the forum's secretariat staff.
      Map.entry("DEPUTY SECRETARY-GENERAL", Role.PANELIST), Map.entry("UNDER-SECRETARY-GENERAL", Role.PANELIST),
      Map.entry("SECRETARY-GENERAL", Role.PANELIST), Map.entry("SECRETARIAT", Role.SECRETARIAT),
      Map.entry("CO-CHAIR", Role.CHAIR), Map.entry("VICE-CHAIR", Role.CHAIR), Map.entry("CHAIRMAN", Role.CHAIR),
      Map.entry("CHAIRWOMAN", Role.CHAIR), Map.entry("CHAIRPERSON", Role.CHAIR), Map.entry("CHAIR", Role.CHAIR),
      Map.entry("MODERATOR", Role.MODERATOR), Map.entry("REMOTE MODERATOR", Role.MODERATOR),
      Map.entry("MINISTER", Role.PANELIST), Map.entry("AMBASSADOR", Role.PANELIST), Map.entry("H.E.", Role.PANELIST),
      Map.entry("HON.", Role.PANELIST), Map.entry("HONOURABLE", Role.PANELIST), Map.entry("SENATOR", Role.PANELIST),
      Map.entry("PROFESSOR", Role.PANELIST), Map.entry("PROF.", Role.PANELIST), Map.entry("DR.", Role.PANELIST),
      Map.entry("DR", Role.PANELIST), Map.entry("MRS.", Role.PANELIST), Map.entry("MRS", Role.PANELIST),
      Map.entry("MR.", Role.PANELIST), Map.entry("MR", Role.PANELIST), Map.entry("MS.", Role.PANELIST),
      Map.entry("MS", Role.PANELIST), Map.entry("MISS", Role.PANELIST), Map.entry("SIR", Role.PANELIST),
      Map.entry("MADAM", Role.PANELIST), Map.entry("MADAME", Role.PANELIST), Map.entry("MME.", Role.PANELIST),
      Map.entry("MME", Role.PANELIST), Map.entry("MISTER", Role.PANELIST), Map.entry("MX.", Role.PANELIST),
      Map.entry("MX", Role.PANELIST), Map.entry("DAME", Role.PANELIST));

  /** Organisations that appear as speakers (delegations, technical hosts). */
  private static final Set<String> ORGANISATIONS = Set.of("UNDESA", "UN DESA", "ICANN", "IGF", "ITU", "UNESCO",
      "ISOC", "OECD", "WIPO", "UNDP", "UNCTAD", "UNICEF", "OHCHR", "EU", "EC", "GAC", "GNSO", "ALAC", "CSTD", "WSIS",
      "IETF", "W3C", "RIPE NCC", "ARIN", "APNIC", "LACNIC", "AFRINIC", "IANA", "NRO", "ASO", "CCNSO", "SSAC");

  private static final Set<String> PARTICLES = Set.of("de", "da", "del", "della", "do", "dos", "das", "van", "von",
      "der", "den", "la", "le", "di", "du", "y", "e", "bin", "ibn");

  /** Reads a label; {@code raw} is the label as written, without its marker and colon. */
  public static SpeakerLabel parse(String raw) {
    String label = MatchText.of(raw).strip().replaceAll("\\s+", " ");
    String organisation = null;
    int comma = label.indexOf(',');
    if (comma > 0) {
      organisation = label.substring(comma + 1).strip();
      label = label.substring(0, comma).strip();
      organisation = organisation.isEmpty() ? null : organisation;
    }
    String upper = ascii(label).toUpperCase(Locale.ROOT);
    Role role = ROLE_LABELS.get(upper.startsWith("THE ") ? upper.substring(4) : upper);
    if (role != null) {
      return new SpeakerLabel(raw, null, null, role, organisation);
    }
    if (ORGANISATIONS.contains(upper) || !upper.contains(" ") && Forums.isKnown(Forums.slug(upper))) {
      return new SpeakerLabel(raw, null, null, Role.ORGANISATION, label);
    }
    List<String> titles = new ArrayList<>();
    Role titleRole = null;
    String rest = label;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      String restUpper = ascii(rest).toUpperCase(Locale.ROOT);
      for (Map.Entry<String, Role> t : TITLES) {
        if (restUpper.startsWith(t.getKey() + " ") && rest.length() > t.getKey().length() + 1) {
          titles.add(titleCase(rest.substring(0, t.getKey().length())));
          titleRole = titleRole == null || titleRole == Role.PANELIST ? t.getValue() : titleRole;
          rest = rest.substring(t.getKey().length() + 1).strip();
          stripped = true;
          break;
        }
      }
    }
    String title = titles.isEmpty() ? null : String.join(" ", titles);
    // "MADAM CHAIR", "MR. CHAIRMAN", "MR. PRESIDENT": a form of address to an office, which names nobody (read as a
    // name, every chair so addressed in the corpus would be one person, "Madam Chair").
    Role office = titles.isEmpty() ? null : ROLE_LABELS.get(ascii(rest).toUpperCase(Locale.ROOT));
    if (office != null) {
      return new SpeakerLabel(raw, null, title, office, organisation);
    }
    String name = isUpperCase(rest) ? titleCase(rest) : rest;
    return new SpeakerLabel(raw, name, title, titleRole == null ? Role.PANELIST : titleRole, organisation);
  }

  /** True for a role word ("MODERATOR") or a title ("MR.") at the start of a label: a strong sign of a label. */
  static boolean startsWithRoleOrTitle(String label) {
    String upper = ascii(label).toUpperCase(Locale.ROOT).strip();
    if (ROLE_LABELS.containsKey(upper.startsWith("THE ") ? upper.substring(4) : upper)
        || ORGANISATIONS.contains(upper)) {
      return true;
    }
    return TITLES.stream().anyMatch(t -> upper.startsWith(t.getKey() + " "));
  }

  static boolean isUpperCase(String s) {
    return s.codePoints().noneMatch(Character::isLowerCase);
  }

  /** "FRAU-MEIGS" → "Frau-Meigs", "O'BRIEN" → "O'Brien", "JUAN DE LA CRUZ" → "Juan de la Cruz". */
  static String titleCase(String upper) {
    String[] words = upper.toLowerCase(Locale.ROOT).split(" ");
    StringBuilder out = new StringBuilder();
    for (int w = 0; w < words.length; w++) {
      String word = words[w];
      if (w > 0) {
        out.append(' ');
      }
      if (w > 0 && w < words.length - 1 && PARTICLES.contains(word)) {
        out.append(word);
        continue;
      }
      boolean start = true;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        out.append(start ? Character.toUpperCase(c) : c);
        start = c == '-' || c == '\'' || c == '.';
      }
    }
    return out.toString();
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
  }
}
