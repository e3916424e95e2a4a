package org.opennessobservatory.transcripts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the text before a colon is a speaker label. Precision matters more than anything here: a false turn
 * moves words to a speaker who never said them and corrupts every indicator after it.
 */
final class LabelRules {
  private LabelRules() {}

  /** "Word:" at line start that introduces the transcriber's own remark. */
  private static final Set<String> EDITORIAL = Set.of("NOTE", "NOTES", "N.B.", "NB");
  /** "Word:" at line start that introduces metadata or warnings, never a speaker (TRANSCRIPT-FORMATS §10.5). */
  private static final Set<String> NOT_SPEAKERS = Set.of("NOTE", "NOTES", "N.B.", "NB", "DEPRECATED", "WARNING",
      "NOTICE", "FATAL ERROR", "PARSE ERROR", "ERROR", "SOURCE", "SOURCES", "CONTACT", "PROVIDED BY", "ATTENDEES",
      "APOLOGIES", "PRESENT", "ABSENT", "TITLE", "DATE", "TIME", "VENUE", "ROOM", "LOCATION", "PLACE", "SUBJECT",
      "AGENDA", "AGENDA ITEM", "ITEM", "SESSION", "SESSION TITLE", "WORKSHOP", "DAY", "RE", "URL", "WEBSITE", "WEB",
      "EMAIL", "E-MAIL", "PHONE", "TEL", "TELEPHONE", "FAX", "MOBILE", "DOCUMENT", "KEYWORDS", "ABSTRACT",
      "SUMMARY", "PARTICIPANTS", "SPEAKERS", "PANELISTS", "PANELLISTS", "MODERATORS", "ORGANIZER", "ORGANISER",
      "ORGANIZERS", "ORGANISERS", "RAPPORTEURS", "REPORTER", "QUESTIONS", "ANSWER", "ANSWERS", "Q", "A", "P.S.",
      "PS", "EDIT", "UPDATE", "UPDATED", "POSTED", "POSTED BY", "CATEGORY", "TAGS", "LANGUAGE", "STATUS", "FORMAT",
      "DURATION", "RECORDING", "TRANSCRIPT", "CAPTIONING", "DISCLAIMER", "COPYRIGHT", "SEE", "SEE ALSO", "EXAMPLE",
      "EXAMPLES", "FOR EXAMPLE", "E.G.", "I.E.", "ISSUE", "ISSUES", "QUESTION 1", "QUESTION 2", "PROPOSAL",
      "RECOMMENDATION", "RESULT", "RESULTS", "CONCLUSION", "CONCLUSIONS", "BACKGROUND", "PURPOSE", "OBJECTIVE",
      "OBJECTIVES", "OUTCOME", "OUTCOMES", "NEXT STEPS", "ACTION", "ACTION ITEMS", "FIRST", "SECOND", "THIRD",
      "FINALLY", "WHY", "HOW", "WHAT", "WHEN", "WHERE", "WHO", "YES", "NO", "OK", "THANK YOU", "THANKS", "HELLO", "NOTA", "FUENTE", "CONTACTO",
      "WELCOME", "PLEASE", "SO", "AND", "BUT", "THE", "THIS", "THAT", "HERE", "THERE", "NOW", "THEN", "ALSO");

  /**
   * A name word in capitals: letters (accented too), with inner '.', '-', '\'' ("ST.", "FRAU-MEIGS", "O'BRIEN"),
   * and '?' where a conversion lost an accented letter ("PETROVI?").
   */
  private static final Pattern CAPS_WORD = Pattern.compile("[\\p{Lu}][\\p{Lu}\\p{M}.'\\-?]*|&|[0-9]{1,2}");
  /** A name word in mixed case: capitalised ("Ana", "Frau-Meigs", "McArthur") or a particle ("de", "van"). */
  private static final Pattern MIXED_WORD =
      Pattern.compile("[\\p{Lu}][\\p{L}\\p{M}.'\\-?]*|de|da|del|della|do|dos|das|van|von|der|den|la|le|di|du|bin|ibn");

  /** "Note: …", "Provided by: …": a line that carries metadata rather than speech. */
  static boolean isMetadataLine(String line) {
    int colon = line.indexOf(':');
    return colon > 0 && colon <= 30 && NOT_SPEAKERS.contains(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
  }

  /**
   * "Note: a remote participant asked in the chat …": the transcriber's words, wherever they stand, not the words of
   * the speaker whose turn they interrupt.
   */
  static boolean isEditorialNote(String line) {
    int colon = line.indexOf(':');
    return colon > 0 && colon <= 6 && line.charAt(0) == 'N'
        && EDITORIAL.contains(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
  }

  /** How sure a label is: weak labels count only when the same label occurs at least twice in the transcript. */
  enum Strength { NONE, WEAK, STRONG }

  /**
   * @param candidate the text between a marker (or line start) and the colon
   * @param marked true after a ">>" or ">" marker, which makes a label far more likely
   * @param allCapsText true when the whole transcript is in capitals: then capitals no longer tell labels apart
   */
  static Strength strength(String candidate, boolean marked, boolean allCapsText) {
    String label = candidate.strip().replaceAll(" +", " ");
    if (label.isEmpty() || label.length() > 80) {
      return Strength.NONE;
    }
    int comma = label.indexOf(',');
    String name = comma > 0 ? label.substring(0, comma).strip() : label;
    if (comma > 0 && (name.isEmpty() || label.substring(comma + 1).isBlank())) {
      return Strength.NONE;
    }
    String upperName = name.toUpperCase(Locale.ROOT);
    if (NOT_SPEAKERS.contains(upperName) || upperName.endsWith(" BY") || upperName.contains("CAPTION")) {
      return Strength.NONE; // "Captioning provided by:", "Posted by:"
    }
    String[] words = name.split(" ");
    if (words.length > (marked ? 7 : 6)) {
      return Strength.NONE;
    }
    boolean caps = true;
    boolean mixed = true;
    int capitalised = 0;
    for (String w : words) {
      caps &= CAPS_WORD.matcher(w).matches();
      mixed &= MIXED_WORD.matcher(w).matches();
      capitalised += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
    }
    if (!caps && !mixed || capitalised == 0 || !Character.isLetter(name.codePointAt(0))) {
      return Strength.NONE;
    }
    if (marked || SpeakerLabel.startsWithRoleOrTitle(name)) {
      return Strength.STRONG;
    }
    if (allCapsText) {
      // Every sentence is in capitals: a short capitalised phrase before a colon proves nothing on its own.
      return caps && words.length <= 4 ? Strength.WEAK : Strength.NONE;
    }
    if (caps) {
      return words.length >= 2 ? Strength.STRONG : name.length() >= 2 ? Strength.WEAK : Strength.NONE;
    }
    // "Firstname Lastname:" looks like "Key Points:" too: it must recur to count.
    return words.length >= 2 && words.length <= 4 && capitalised >= 2 ? Strength.WEAK : Strength.NONE;
  }
}
