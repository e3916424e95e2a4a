package org.opennessobservatory.transcripts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text inside a transcript that nobody said: stage directions, captioning disclaimers, separators and page
 * furniture. Each kind is found on the matching copy of the text (see {@link MatchText}) and blanked out, so that
 * offsets and word boundaries stay where they were.
 */
final class NonSpeech {
  private NonSpeech() {}

  enum Kind { STAGE_DIRECTION, DISCLAIMER, SEPARATOR, FURNITURE }

  /**
   * A kind of non-speech, the pattern that finds it, and its cues: strings of which the text's lower-case copy holds
   * at least one wherever the pattern matches (each branch of the pattern needs one of them, and a case-insensitive
   * match lower-cases to its cue). The pattern is searched only in a text that holds a cue: a search costs a few
   * nanoseconds per character and per pattern, {@link String#indexOf} a fraction of one, and most turns hold no cue
   * of most rules. The rules once took a third of stage segment's time.
   */
  record Rule(Kind kind, Pattern pattern, List<String> cues) {
    /** Whether {@code lower}, the lower-case copy of a text, holds one of the cues. */
    boolean mayMatch(String lower) {
      for (String cue : cues) {
        if (lower.contains(cue)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The cue of a pattern that needs a digit: one of the ten. */
  private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  private static final String CI = "(?i)";

  /**
   * A captioning disclaimer speaks of captions or transcripts (subject) and disowns them ("not an official record",
   * "unedited", "rough draft", "may contain errors" …: qualifier). Both are needed: speech about captioning for
   * accessibility is speech. Real wordings vary by year and carry typos (TRANSCRIPT-FORMATS §5), so cues, not texts.
   */
  private static final String SUBJECT = "caption|transcri|\\bCART\\b|audio file";
  private static final String QUALIFIER = "not (?:be )?(?:an? )?(?:the )?(?:official|authoritative|verbatim|"
      + "totally verbatim)|unedited|rough[- ]draft|may (?:contain|include|not be|have) (?:transcription |some )?"
      + "(?:errors|mistakes|inaccuracies|fully|complete)|may be incomplete|(?:errors|mistakes) (?:may|might)|"
      + "(?:should|must|cannot|can ?not) (?:not )?be (?:read|treated|taken|considered|quoted|relied)|"
      + "(?:likely|liable) to contain|raw output|largely accurate|"
      + "not (?:been )?(?:checked|reviewed|corrected|edited)|authoritative record|"
      + "puede contener (?:errores|imprecisiones)|no (?:es|constituye|debe considerarse) (?:un |una )?(?:registro |"
      + "acta |transcripci[oó]n )?(?:oficial|textual|literal|autorizad)";
  // Each alternation below opens with a lookahead for the first letters of its branches: java.util.regex tries
  // every branch at every position, and one character check turns most positions away (measured: these patterns
  // held over a third of the samples of segment + resolve). The lookaheads match nothing the branches do not.
  static final Pattern DISCLAIMER_SUBJECT = Pattern.compile("(?=[cta])(?:" + SUBJECT + ")",
      Pattern.CASE_INSENSITIVE);
  static final Pattern DISCLAIMER_QUALIFIER = Pattern.compile("(?=[nurmesclap])(?:" + QUALIFIER + ")",
      Pattern.CASE_INSENSITIVE);
  /** A sentence: a run up to its end mark or line end. Matched once per character: linear on any text. */
  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");
  /** Before the first turn, a paragraph of at most this many words holding both cues is a disclaimer as a whole. */
  static final int MAX_DISCLAIMER_WORDS = 90;

  /** Applied in order, after disclaimers; later rules see the blanks of earlier ones. */
  static final List<Rule> RULES = List.of(
      new Rule(Kind.DISCLAIMER, Pattern.compile(CI + "(?m)^[^\\n]*(?=[p(+caw])(?:P\\.?\\s?O\\.? Box \\d+|"
          + "\\(\\d{3}\\)\\s?\\d{3}-\\d{4}|\\+\\d[\\d .()-]{7,}\\d|copyright \\(?c?\\)?\\s?\\d{4}|"
          + "all rights reserved|www\\.[a-z0-9-]+\\.(?:com|net|org)\\b[^\\n]*caption)[^\\n]*$"),
          List.of("box ", ")", "+", "copyright", "all rights reserved", "www.")),
      new Rule(Kind.SEPARATOR, Pattern.compile("(?m)^[ ]*(?:\\*[ ]?){3,}[ ]*$"), List.of("*")),
      // Stage directions: [ Applause ], ((Crosstalk)), (Gavel.), (inaudible), (?), and their Spanish cousins.
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile("\\[[ ]*[A-Za-z][A-Za-z ,.'-]{0,40}[ ]*\\]"), List.of("[")),
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile("\\(\\([^()\\n]{1,40}\\)\\)"), List.of("((")),
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile(CI + "\\((?:applause|laughter|laughing|gavel|music[^()\\n]{0,30}"
          + "|background [a-z]+|standing by|stand by|please stand by[^()\\n]{0,40}|off (?:microphone|mic)|inaudible"
          + "|indiscernible|unintelligible|crosstalk|pause|silence|no audio|audio [a-z ]{1,20}|video[^()\\n]{0,30}"
          + "|problema de audio[^()\\n]{0,20}|aplausos|risas|\\?)\\.?\\)\\.?"), List.of("(")),
      // Page furniture (§6, §7): page numbers and footers, PHP warnings, banners, breadcrumbs, hosting-site
      // headers, subtitle and SRT cues. Whole lines only.
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[ ]*(?:page[ ]+)?\\d{1,4}(?:[ ]*(?:of|/)[ ]*\\d{1,4})?[ ]*$"),
          DIGITS),
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[^\\n]{0,120}\\bpage[ ]+\\d{1,4}(?:[ ]+of[ ]+\\d{1,4})?[ ]*$"),
          List.of("page ")),
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[ ]*(?:deprecated|warning|notice|strict standards|"
          + "fatal error):[^\\n]*(?: on line \\d+|\\.php)[^\\n]*$"), List.of(" on line ", ".php")),
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[^\\n]*(?=[ysdrvtj0-9])(?:you are here|"
          + "start display at page|download (?:as )?pdf|report this document|views?:? \\d+|\\d+ views|size: \\d|"
          + "skip to (?:main )?content|"
          + "department of economic and social affairs|this page was last (?:edited|modified)|"
          + "jump to navigation|retrieved from \")[^\\n]*$"),
          List.of("you are here", "start display at page", "download ", "report this document", "view", "size: ",
              "skip to ", "department of economic and social affairs", "this page was last ", "jump to navigation",
              "retrieved from \"")),
      new Rule(Kind.FURNITURE, Pattern.compile("(?m)^[ ]*(?:home|Home|HOME)(?:[ ]*[>»/›][ ]*[^\\n]{1,60}){1,6}$"),
          List.of("home")),
      new Rule(Kind.FURNITURE, Pattern.compile("(?m)^[ ]*[-•*]?[ ]*\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[ ]*"
          + "(?:-|-->|–)[ ]*\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[ ]*$"), List.of(":")));

  /** Marks removed characters in {@link Stripped#text}, so that lines emptied by removal can be dropped whole. */
  static final char REMOVED = '\u0000';

  /** The text with every non-speech span replaced by {@link #REMOVED}, and how many spans of each kind were found. */
  record Stripped(String text, int stageDirections, int disclaimers, int separators, int furniture) {}

  /**
   * @param original the text as written
   * @param match its matching copy (same length)
   * @param wholeParagraphs true before the first turn, where a short paragraph holding a disclaimer is one as a whole;
   *     inside a turn a disclaimer repeated at a page foot shares its paragraph with speech, so only sentences go
   */
  static Stripped strip(String original, String match, boolean wholeParagraphs) {
    char[] kept = original.toCharArray();
    char[] seen = match.toCharArray();
    int[] counts = new int[Kind.values().length];
    counts[Kind.DISCLAIMER.ordinal()] += removeDisclaimers(kept, seen, wholeParagraphs);
    // The cues are looked for in the very text the rule's pattern sees: blanking turns text into spaces, and a space
    // can complete a cue ("page[Applause]4" becomes "page 4" with more spaces). Taken again after a rule blanked
    // something, which few turns need.
    String text = null;
    String lower = null;
    for (Rule rule : RULES) {
      if (text == null) {
        text = new String(seen);
        lower = text.toLowerCase(java.util.Locale.ROOT);
      }
      if (!rule.mayMatch(lower)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      boolean blanked = false;
      while (m.find()) {
        if (m.end() == m.start() || text.substring(m.start(), m.end()).isBlank()) {
          continue;
        }
        counts[rule.kind().ordinal()]++;
        blank(kept, seen, m.start(), m.end());
        blanked = true;
      }
      if (blanked) {
        text = null;
      }
    }
    return new Stripped(new String(kept), counts[Kind.STAGE_DIRECTION.ordinal()],
        counts[Kind.DISCLAIMER.ordinal()], counts[Kind.SEPARATOR.ordinal()], counts[Kind.FURNITURE.ordinal()]);
  }

  /**
   * A short paragraph (blank-line or *** separated) with both cues is a disclaimer as a whole (when allowed); else the
   * sentences holding both are, and a sentence right after one of them that still disowns the text ("It is not a
   * verbatim record.").
   */
  private static int removeDisclaimers(char[] kept, char[] seen, boolean wholeParagraphs) {
    String text = new String(seen);
    int found = 0;
    int paragraphStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && !isParagraphBreak(text, i)) {
        continue;
      }
      String paragraph = text.substring(paragraphStart, i);
      boolean disowned = DISCLAIMER_SUBJECT.matcher(paragraph).find()
          && DISCLAIMER_QUALIFIER.matcher(paragraph).find();
      if (disowned && wholeParagraphs
          && org.opennessobservatory.nlp.WordCounter.countWords(paragraph) <= MAX_DISCLAIMER_WORDS) {
        blank(kept, seen, paragraphStart, i);
        found++;
      } else if (disowned) {
        boolean previousRemoved = false;
        Matcher sentence = SENTENCE.matcher(paragraph);
        while (sentence.find()) {
          String s = sentence.group();
          boolean qualified = DISCLAIMER_QUALIFIER.matcher(s).find();
          boolean remove = qualified && (previousRemoved || DISCLAIMER_SUBJECT.matcher(s).find());
          if (remove) {
            blank(kept, seen, paragraphStart + sentence.start(), paragraphStart + sentence.end());
            found += previousRemoved ? 0 : 1;
          }
          previousRemoved = remove;
        }
      }
      paragraphStart = i;
    }
    return found;
  }

  /** A blank line, or a line of three or more asterisks, starts here. */
  private static boolean isParagraphBreak(String text, int i) {
    char c = text.charAt(i);
    if (c == '*') {
      return i + 2 < text.length() && text.charAt(i + 1) == '*' && text.charAt(i + 2) == '*'
          && (i == 0 || text.charAt(i - 1) != '*');
    }
    if (c != '\n') {
      return false;
    }
    int j = i + 1;
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    return j < text.length() && text.charAt(j) == '\n';
  }

  private static void blank(char[] kept, char[] seen, int from, int to) {
    for (int i = from; i < to; i++) {
      if (seen[i] != '\n') {
        kept[i] = REMOVED;
        seen[i] = ' ';
      }
    }
  }
}
