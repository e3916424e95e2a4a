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

  record Rule(Kind kind, Pattern pattern) {}

  private static final String CI = "(?i)";

  /** Applied in order; later rules see the blanks of earlier ones. */
  static final List<Rule> RULES = List.of(
      // Captioning disclaimers, by their telling phrases (TRANSCRIPT-FORMATS §5), up to the end of their sentence or
      // paragraph; a phrase alone ("we need captioning") is not enough.
      new Rule(Kind.DISCLAIMER, Pattern.compile(CI + "[^.\\n]*(?:real-?time captioning|captioning (?:taken|done)|"
          + "outputs? of the (?:real-?time )?captioning|rough draft format|communication access real-?time "
          + "translation|transcribing an audio file|the transcription is largely accurate|"
          + "not (?:be )?(?:treated|considered) as an? (?:authoritative|verbatim) record|"
          + "(?:may|might) contain (?:errors|inaccuracies) (?:due to|because of)|"
          + "verbatim record of the proceedings)[^.\\n]*(?:\\.|\\n|$)")),
      new Rule(Kind.DISCLAIMER, Pattern.compile(CI + "(?m)^[^\\n]*(?:P\\.?\\s?O\\.? Box \\d+|"
          + "\\(\\d{3}\\)\\s?\\d{3}-\\d{4}|\\+\\d[\\d .()-]{7,}\\d|copyright \\(?c?\\)?\\s?\\d{4}|"
          + "all rights reserved|www\\.[a-z0-9-]+\\.(?:com|net|org)\\b[^\\n]*caption)[^\\n]*$")),
      new Rule(Kind.SEPARATOR, Pattern.compile("(?m)^[ ]*(?:\\*[ ]?){3,}[ ]*$")),
      // Stage directions: [ Applause ], ((Crosstalk)), (Gavel.), (inaudible), (?), and their Spanish cousins.
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile("\\[[ ]*[A-Za-z][A-Za-z ,.'-]{0,40}[ ]*\\]")),
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile("\\(\\([^()\\n]{1,40}\\)\\)")),
      new Rule(Kind.STAGE_DIRECTION, Pattern.compile(CI + "\\((?:applause|laughter|laughing|gavel|music[^()\\n]{0,30}"
          + "|background [a-z]+|standing by|stand by|please stand by[^()\\n]{0,40}|off (?:microphone|mic)|inaudible"
          + "|indiscernible|unintelligible|crosstalk|pause|silence|no audio|audio [a-z ]{1,20}|video[^()\\n]{0,30}"
          + "|problema de audio[^()\\n]{0,20}|aplausos|risas|\\?)\\.?\\)\\.?")),
      // Page furniture (§6, §7): page numbers and footers, PHP warnings, banners, breadcrumbs, hosting-site
      // headers, subtitle and SRT cues. Whole lines only.
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[ ]*(?:page[ ]+)?\\d{1,4}(?:[ ]*(?:of|/)[ ]*\\d{1,4})?[ ]*$")),
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[ ]*(?:deprecated|warning|notice|strict standards|"
          + "fatal error):[^\\n]*(?: on line \\d+|\\.php)[^\\n]*$")),
      new Rule(Kind.FURNITURE, Pattern.compile(CI + "(?m)^[^\\n]*(?:you are here|start display at page|"
          + "download (?:as )?pdf|report this document|views?:? \\d+|\\d+ views|size: \\d|skip to (?:main )?content|"
          + "department of economic and social affairs|this page was last (?:edited|modified)|"
          + "jump to navigation|retrieved from \")[^\\n]*$")),
      new Rule(Kind.FURNITURE, Pattern.compile("(?m)^[ ]*(?:home|Home|HOME)(?:[ ]*[>»/›][ ]*[^\\n]{1,60}){1,6}$")),
      new Rule(Kind.FURNITURE, Pattern.compile("(?m)^[ ]*[-•*]?[ ]*\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[ ]*"
          + "(?:-|-->|–)[ ]*\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?[ ]*$")));

  /** Marks removed characters in {@link Stripped#text}, so that lines emptied by removal can be dropped whole. */
  static final char REMOVED = '\u0000';

  /** The text with every non-speech span replaced by {@link #REMOVED}, and how many spans of each kind were found. */
  record Stripped(String text, int stageDirections, int disclaimers, int separators, int furniture) {}

  /**
   * @param original the text as written
   * @param match its matching copy (same length)
   */
  static Stripped strip(String original, String match) {
    char[] kept = original.toCharArray();
    char[] seen = match.toCharArray();
    int[] counts = new int[Kind.values().length];
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(new String(seen));
      while (m.find()) {
        if (m.end() == m.start() || new String(seen, m.start(), m.end() - m.start()).isBlank()) {
          continue;
        }
        counts[rule.kind().ordinal()]++;
        for (int i = m.start(); i < m.end(); i++) {
          if (seen[i] != '\n') {
            kept[i] = REMOVED;
            seen[i] = ' ';
          }
        }
      }
    }
    return new Stripped(new String(kept), counts[Kind.STAGE_DIRECTION.ordinal()],
        counts[Kind.DISCLAIMER.ordinal()], counts[Kind.SEPARATOR.ordinal()], counts[Kind.FURNITURE.ordinal()]);
  }
}
