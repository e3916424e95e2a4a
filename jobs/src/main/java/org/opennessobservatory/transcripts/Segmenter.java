package org.opennessobservatory.transcripts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennessobservatory.nlp.WordCounter;

/**
 * Splits a meeting transcript into speaker turns, following the conventions catalogued in TRANSCRIPT-FORMATS.md:
 * a turn starts at a ">>" or ">" marker wherever it stands, or at an unmarked label ("NAME:", "Firstname
 * Lastname:") at line start or, in collapsed transcripts, mid-line; everything up to the next turn is its speech,
 * less what nobody said (see {@link NonSpeech}). Pure function of the text.
 */
public final class Segmenter {
  private Segmenter() {}

  /**
   * The turns; whether the transcript had any label at all; and the words that belong to no turn's speech nor to
   * what was removed from it: labels and markers, a title block before the first turn, bare markers that said
   * nothing. Words of turns + removed words + these = words of the document.
   */
  public record Segmentation(List<Turn> turns, boolean labelled, long unattributedWords) {}

  /** A label: any run without colon, newline or marker, then a colon before a space or the line end. */
  private static final Pattern LABEL = Pattern.compile("([^:\\n>]{1,80}?)[ ]*:(?=[ \\n]|$)");
  private static final Pattern DOUBLE_MARKER = Pattern.compile("(?<!>)>>(?!>)");
  private static final Pattern SINGLE_MARKER = Pattern.compile("(?m)^[ ]*>(?!>)");
  /** Line start, after indentation and a court-reporter line number or a chat timestamp ("10:32:05 "). */
  private static final Pattern LINE_START =
      Pattern.compile("(?m)^[ ]*(?:(?<clock>(?:\\d{1,2}:)?\\d{1,2}:\\d{2}[ ]+)|\\d{1,3}[ ]{1,8})?(?=[^ \\n])");
  /**
   * Mid-line label in capitals after the end of a sentence (collapsed transcripts). The capital is checked before the
   * lookbehind, which would otherwise be tried at every position.
   */
  private static final Pattern INLINE_LABEL =
      Pattern.compile("(?=\\p{Lu})(?<=[.?!\"')\\]][ ]{1,4})([\\p{Lu}][\\p{Lu}\\p{M}.'\\- ]{1,60}?):(?=[ \\n])");
  // Compiled once: tidy runs for every turn.
  private static final Pattern EMPTIED_LINE = Pattern.compile("(?m)^(?=[ \\t" + NonSpeech.REMOVED + "]*"
      + NonSpeech.REMOVED + ")[ \\t" + NonSpeech.REMOVED + "]*+(?:\\n|$)");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
  private static final Pattern LINE_END_SPACE = Pattern.compile(" ?\\n ?");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern LONE_CARRIAGE_RETURN = Pattern.compile("\r(?!\n)");
  /** A line's first word: letters, hyphens and apostrophes, then a space, a punctuation mark or the line's end. */
  private static final Pattern WORD_FIRST = Pattern.compile("[\\p{L}'\u2019-]+(?:[,;:!?]|\\.(?!\\S))?(?:\\s|$)");
  /** Where a line may start with a transcriber's note: only turns holding one are read line by line. */
  private static final Pattern NOTE = Pattern.compile("(?:^|\n)[^\\p{L}\n]*N(?:otes?|OTES?|\\.?B\\.?) *:");
  /** A heading is a line of at most this many words. */
  private static final int HEADING_WORDS = 25;
  /** Speech before the first label needs this many words and two sentence ends, else it is a title block. */
  private static final int MIN_PREAMBLE_WORDS = 15;
  /** Characters before a label searched for its last word: the sentence or two that give the floor. */
  private static final int FLOOR_WINDOW = 300;

  private record Candidate(int start, int labelStart, int labelEnd, int speechStart, String marker,
      LabelRules.Strength strength) {
    String key(String match) {
      return labelStart < 0 ? "" : match.substring(labelStart, labelEnd).strip().replaceAll(" +", " ")
          .toUpperCase(Locale.ROOT);
    }
  }

  public static Segmentation segment(String text) {
    // A lone carriage return ends a line (files saved on old Macs); as a newline, of the same length, every offset
    // stays an offset of the document's text.
    if (text.indexOf('\r') >= 0) {
      text = LONE_CARRIAGE_RETURN.matcher(text).replaceAll("\n");
    }
    String match = MatchText.of(text);
    boolean allCaps = mostlyCapitals(match);
    List<Candidate> found = new ArrayList<>();
    Matcher m = DOUBLE_MARKER.matcher(match);
    while (m.find()) {
      found.add(afterMarker(match, m.start(), m.end(), ">>", allCaps));
    }
    m = SINGLE_MARKER.matcher(match);
    while (m.find()) {
      found.add(afterMarker(match, m.end() - 1, m.end(), ">", allCaps));
    }
    m = LINE_START.matcher(match);
    Matcher label = LABEL.matcher(match);
    while (m.find()) {
      label.region(m.end(), match.length());
      if (label.lookingAt()) {
        // A chat timestamp ("10:32:05 Name: text") marks a turn as surely as ">>" does.
        LabelRules.Strength s = LabelRules.strength(label.group(1), m.group("clock") != null, allCaps);
        if (s != LabelRules.Strength.NONE) {
          found.add(new Candidate(m.start(), label.start(1), label.end(1), label.end(), "label", s));
        }
      }
    }
    // Mid-line labels only where capitals still tell labels from speech.
    m = INLINE_LABEL.matcher(allCaps ? "" : match);
    while (m.find()) {
      LabelRules.Strength s = LabelRules.strength(m.group(1), false, allCaps);
      if (s != LabelRules.Strength.NONE) {
        // Mid-line, only a role or a title is sure ("… sir. PARTICIPANT: …"); a name must recur, or be given the
        // floor where capitals labels recur mid-line (accept).
        found.add(new Candidate(m.start(), m.start(1), m.end(1), m.end(), "inline",
            SpeakerLabel.startsWithRoleOrTitle(m.group(1)) ? s : LabelRules.Strength.WEAK));
      }
    }
    found.addAll(knownLabelsMidLine(found, match));
    List<Candidate> accepted = accept(found, match);
    return build(text, match, accepted);
  }

  /**
   * Collapsed transcripts put every label mid-line; those in mixed case ("… sir. Keala Mahoe: Mostly …") are taken
   * only where the same label also stands at a line start.
   */
  private static List<Candidate> knownLabelsMidLine(List<Candidate> found, String match) {
    List<Candidate> more = new ArrayList<>();
    found.stream().filter(c -> c.marker().equals("label")).map(c -> match.substring(c.labelStart(), c.labelEnd()))
        .filter(l -> !SpeakerLabel.isUpperCase(l)).distinct().forEach(label -> {
          Matcher m = Pattern.compile("(?<=[.?!\"')\\]][ ]{1,4})(" + Pattern.quote(label) + "):(?=[ \\n])")
              .matcher(match);
          while (m.find()) {
            more.add(new Candidate(m.start(), m.start(1), m.end(1), m.end(), "inline", LabelRules.Strength.WEAK));
          }
        });
    return more;
  }

  /** A ">>" or ">" marker at [start, end): labelled when a label follows, else bare. */
  private static Candidate afterMarker(String match, int start, int end, String marker, boolean allCaps) {
    int p = end;
    while (p < match.length() && match.charAt(p) == ' ') {
      p++;
    }
    if (p < match.length() && match.charAt(p) == ':') {
      return new Candidate(start, -1, -1, p + 1, marker, LabelRules.Strength.STRONG); // ">>:" — an empty name
    }
    Matcher label = LABEL.matcher(match);
    label.region(p, match.length());
    if (label.lookingAt() && LabelRules.strength(label.group(1), true, allCaps) != LabelRules.Strength.NONE) {
      return new Candidate(start, label.start(1), label.end(1), label.end(), marker, LabelRules.Strength.STRONG);
    }
    // A label cut off by the end of the transcript, before its colon (">> CHENGU MASAWI" and nothing more).
    String rest = match.substring(p).strip();
    if (!rest.isEmpty() && !rest.contains("\n") && SpeakerLabel.isUpperCase(rest)
        && LabelRules.strength(rest, true, allCaps) != LabelRules.Strength.NONE) {
      return new Candidate(start, p, p + rest.length(), match.length(), marker, LabelRules.Strength.STRONG);
    }
    return new Candidate(start, -1, -1, p, marker, LabelRules.Strength.STRONG);
  }

  /**
   * Strong candidates, and weak ones whose label occurs at least twice or that follow the transcript's own unmarked
   * convention: at line start, or mid-line in capitals once a capitals label recurs mid-line, for a name of two words
   * or more whose last word was just said (in a collapsed transcript the host gives the floor by name to guests who
   * each speak once: "… Next, Mr. Mendoza. CARLOS MENDOZA: …"; a capitals phrase with a colon in speech is rarely
   * announced so); one per start, in text order. The transcript's conventions decide too: where speakers are
   * labelled after ">>" markers, an unmarked "NAME:" is a page title or speech, not a turn; a lone unmarked label in
   * a document is a heading unless it is a role; a recurring "Label: Name" line is a page header.
   */
  private static List<Candidate> accept(List<Candidate> found, String match) {
    Map<String, Integer> occurrences = new HashMap<>();
    int labelledMarkers = 0;
    int strongUnmarked = 0;
    Map<String, Integer> inlineCapitals = new HashMap<>();
    for (Candidate c : found) {
      occurrences.merge(c.key(match), 1, Integer::sum);
      boolean marked = c.marker().startsWith(">");
      labelledMarkers += marked && c.labelStart() >= 0 ? 1 : 0;
      strongUnmarked += !marked && c.strength() == LabelRules.Strength.STRONG ? 1 : 0;
      if (isInlineCapitals(c, match)) {
        inlineCapitals.merge(c.key(match), 1, Integer::sum);
      }
    }
    boolean markedConvention = labelledMarkers >= 2;
    boolean unmarkedConvention = !markedConvention && strongUnmarked >= 2;
    boolean inlineConvention = !markedConvention && inlineCapitals.values().stream().anyMatch(n -> n >= 2);
    found.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> c.strength() != LabelRules.Strength.STRONG));
    List<Candidate> accepted = new ArrayList<>();
    int lastEnd = -1;
    for (Candidate c : found) {
      boolean marked = c.marker().startsWith(">");
      boolean ok = c.strength() == LabelRules.Strength.STRONG || occurrences.get(c.key(match)) >= 2
          || unmarkedConvention && c.marker().equals("label")
          || inlineConvention && isInlineCapitals(c, match) && givenTheFloor(c, match);
      if (!marked && (markedConvention || isRepeatedHeader(c, match))) {
        ok = false;
      }
      if (ok && c.start() >= lastEnd) {
        accepted.add(c);
        lastEnd = c.speechStart();
      }
    }
    if (accepted.size() == 1 && !accepted.get(0).marker().startsWith(">")
        && !SpeakerLabel.startsWithRoleOrTitle(accepted.get(0).key(match))) {
      return List.of();
    }
    return accepted;
  }

  /**
   * A label of two words or more whose last word (three letters or more) stands in the speech just before it: the
   * previous speaker gave the floor by name ("I see Ms. Petrović first. ANA PETROVIĆ: …").
   */
  private static boolean givenTheFloor(Candidate c, String match) {
    String[] words = c.key(match).split(" ");
    String last = words[words.length - 1];
    if (words.length < 2 || last.length() < 3) {
      return false;
    }
    return Pattern.compile("(?<!\\p{L})" + Pattern.quote(last) + "(?!\\p{L})",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(match.substring(Math.max(0, c.start() - FLOOR_WINDOW), c.start())).find();
  }

  private static boolean isInlineCapitals(Candidate c, String match) {
    return c.marker().equals("inline") && SpeakerLabel.isUpperCase(match.substring(c.labelStart(), c.labelEnd()));
  }

  /**
   * A page header of a PDF copy ("Moderator: Gisella Ortiz" at every page top): an unmarked label whose whole line
   * recurs word for word and ends without a sentence.
   */
  private static boolean isRepeatedHeader(Candidate c, String match) {
    int eol = match.indexOf('\n', c.start());
    String line = match.substring(c.start(), eol < 0 ? match.length() : eol).strip();
    if (line.length() > 120 || line.matches(".*[.?!]$") || line.endsWith(":")) {
      return false; // a sentence, or a label alone on its line with the speech below (TRANSCRIPT-FORMATS 1h)
    }
    Matcher same = Pattern.compile("(?m)^[ ]*" + Pattern.quote(line) + "[ ]*$").matcher(match);
    int count = 0;
    while (same.find()) {
      count++;
    }
    return count >= 2;
  }

  private static Segmentation build(String text, String match, List<Candidate> accepted) {
    List<Turn> turns = new ArrayList<>();
    int firstStart = accepted.isEmpty() ? text.length() : accepted.get(0).start();
    Turn preamble = turn(text, match, 0, firstStart, 0, "none", SpeakerLabel.NONE);
    long unattributed = 0;
    if (accepted.isEmpty() || isSpeech(preamble.text())) {
      turns.add(preamble);
    } else {
      unattributed += WordCounter.countWords(text.substring(0, firstStart));
    }
    for (int i = 0; i < accepted.size(); i++) {
      Candidate c = accepted.get(i);
      int end = i + 1 < accepted.size() ? accepted.get(i + 1).start() : text.length();
      SpeakerLabel label = c.labelStart() < 0 ? SpeakerLabel.NONE
          : SpeakerLabel.parse(text.substring(c.labelStart(), c.labelEnd()).strip());
      Turn t = turn(text, match, c.start(), end, c.speechStart(), c.marker(), label);
      unattributed += WordCounter.countWords(text.substring(c.start(), c.speechStart()));
      if (t.words() > 0 || label != SpeakerLabel.NONE) {
        turns.add(t);
      } else {
        unattributed += t.removedWords(); // a bare marker before a stage direction: nobody said anything
      }
    }
    return new Segmentation(List.copyOf(turns), !accepted.isEmpty(), unattributed);
  }

  /**
   * @param marker "none" for speech before the first label: its title and metadata lines ("IGF 2022 – WS #12 – RAW",
   *     "Source: …") are furniture there; a transcriber's "Note: …" line is furniture in any turn
   */
  private static Turn turn(String text, String match, int start, int end, int speechStart, String marker,
      SpeakerLabel label) {
    String speech = text.substring(speechStart, end);
    NonSpeech.Stripped s = NonSpeech.strip(speech, match.substring(speechStart, end), marker.equals("none"));
    int titles = 0;
    String kept = s.text();
    boolean preamble = marker.equals("none");
    if (preamble || NOTE.matcher(kept).find()) {
      StringBuilder lines = new StringBuilder();
      // A note is a line of its own: not the label's line, nor a sentence wrapped onto it ("… TO TAKE\nNOTE: …").
      boolean sentenceEnded = preamble;
      boolean inSpeech = false; // the line before is speech whose sentence goes on
      String[] split = kept.split("\n", -1);
      for (int i = 0; i < split.length; i++) {
        String line = split[i];
        String l = line.replace(NonSpeech.REMOVED, ' ').strip();
        if (preamble && l.isEmpty() && line.indexOf(NonSpeech.REMOVED) >= 0) {
          // A removed line (a cue's time, a page number) is no break in a sentence running through the preamble.
          // Within a turn it still ends one, so that a note after a page break stays a note.
          lines.append(line).append('\n');
          continue;
        }
        boolean note = sentenceEnded && LabelRules.isEditorialNote(l);
        // An unfinished line is a title only where no sentence runs through it: hard-wrapped speech (with no
        // label before it, or before the first label) goes on in a line that starts in lower case, or comes from
        // the line before.
        boolean unfinished = !l.matches("(?s).*[.?!…\"')]$") && !inSpeech && !continues(nextLine(split, i));
        boolean title = !l.isEmpty() && (note || preamble
            && (unfinished || LabelRules.isMetadataLine(l) || isHeading(l)));
        sentenceEnded = l.isEmpty() || l.matches("(?s).*[.?!…\"'):]$");
        inSpeech = !title && !l.isEmpty() && !sentenceEnded;
        titles += title ? 1 : 0;
        lines.append(title ? String.valueOf(NonSpeech.REMOVED).repeat(line.length()) : line).append('\n');
      }
      kept = lines.substring(0, lines.length() - 1);
    }
    String clean = tidy(kept);
    long words = WordCounter.countWords(clean);
    return new Turn(start, end, marker, label, clean, words, s.stageDirections(), s.disclaimers(),
        s.furniture() + s.separators() + titles, WordCounter.countWords(speech) - words);
  }

  /** The line after line {@code i} that holds something but removed text, stripped; "" at a blank line or the end. */
  private static String nextLine(String[] lines, int i) {
    for (int j = i + 1; j < lines.length; j++) {
      String l = lines[j].replace(NonSpeech.REMOVED, ' ').strip();
      if (!l.isEmpty() || lines[j].indexOf(NonSpeech.REMOVED) < 0) {
        return l;
      }
    }
    return "";
  }

  /**
   * Whether a sentence goes on in {@code next}, the line after: it starts with a word in lower case ("…session
   * on\nyouth participation."), not a web or mail address ("www.example.org" under a title page's address). A
   * heading's next line starts in capitals or is blank; a wrapped sentence whose next line starts with a name
   * ("…from\nKenya") is not told apart from one, and is taken for a title.
   */
  static boolean continues(String next) {
    return !next.isEmpty() && Character.isLowerCase(next.codePointAt(0)) && WORD_FIRST.matcher(next).lookingAt();
  }

  /**
   * Lines emptied by removals dropped whole (a page number between two lines of a sentence is not a paragraph
   * break), spaces collapsed, paragraph breaks kept as one blank line, ends trimmed.
   */
  static String tidy(String stripped) {
    String kept = stripped.indexOf(NonSpeech.REMOVED) < 0 ? stripped
        : EMPTIED_LINE.matcher(stripped).replaceAll("").replace(NonSpeech.REMOVED, ' ');
    return BLANK_LINES.matcher(LINE_END_SPACE.matcher(SPACES.matcher(kept).replaceAll(" ")).replaceAll("\n"))
        .replaceAll("\n\n").strip();
  }

  /**
   * A session's heading, whatever its end: "IGF 2022 - Open Forum #31 - Data governance for development: who
   * decides?". Three parts or more between spaced dashes, the first of two words or more, each capitalised or a
   * number, one of them a number ("IGF 2022", "WS #12"), so that speech with a dashed aside stays ("I think - and
   * this is key - we …", "Mr Chair - thank you - I have a question?").
   */
  static boolean isHeading(String line) {
    String[] parts = line.split(" [-–—] ");
    if (parts.length < 3 || WordCounter.countWords(line) > HEADING_WORDS) {
      return false;
    }
    String[] first = parts[0].strip().split(" +");
    return first.length >= 2 && Arrays.stream(first).allMatch(w -> !w.isEmpty()
        && (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0)) || w.charAt(0) == '#'))
        && Arrays.stream(first).anyMatch(w -> w.chars().anyMatch(Character::isDigit));
  }

  /** Speech before the first label, once titles and notes are out: real sentences, not a heading. */
  private static boolean isSpeech(String preamble) {
    long sentenceEnds = preamble.chars().filter(ch -> ch == '.' || ch == '?' || ch == '!').count();
    return WordCounter.countWords(preamble) >= MIN_PREAMBLE_WORDS && sentenceEnds >= 2;
  }

  private static boolean mostlyCapitals(String text) {
    long upper = text.chars().filter(Character::isUpperCase).count();
    long lower = text.chars().filter(Character::isLowerCase).count();
    return upper + lower >= 200 && lower < (upper + lower) / 10;
  }
}
