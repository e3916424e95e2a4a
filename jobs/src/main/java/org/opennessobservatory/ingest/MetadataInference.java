package org.opennessobservatory.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata guessed from a file's path and text when the manifest does not give it. Pure functions. */
public final class MetadataInference {
  private MetadataInference() {}

  /** Forum and year as the {@code <forum>/<year>/…} layout gives them; either may be null. */
  public record PathFacts(String forum, Integer year) {}

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d\\d|20\\d\\d)(?!\\d)");

  public static PathFacts fromPath(String relPath) {
    String[] segments = relPath.split("/");
    String forum = segments.length >= 2 ? Forums.slug(segments[0]) : null;
    Integer year = null;
    // The folder right under the forum is the year in the documented layout; any folder named as a year will do.
    for (int i = 1; i < segments.length - 1 && year == null; i++) {
      if (segments[i].matches("(19|20)\\d\\d") && Forums.plausibleYear(Integer.parseInt(segments[i]))) {
        year = Integer.parseInt(segments[i]);
      }
    }
    if (year == null) {
      Matcher m = YEAR.matcher(CorpusPaths.fileName(relPath));
      if (m.find() && Forums.plausibleYear(Integer.parseInt(m.group(1)))) {
        year = Integer.parseInt(m.group(1));
      }
    }
    return new PathFacts(forum, year);
  }

  // Whole words in file names, most specific first: "session-report" is a report, not a session transcript.
  private static final String[][] NAME_KEYWORDS = {
      {"transcript|transcription|captions|verbatim|cart", "transcript"},
      {"agenda", "agenda"},
      {"programme|program|schedule", "programme"},
      {"outcome|messages|declaration|chair-?s-summary|statement", "outcome"},
      {"report|summary|minutes", "session_report"},
      {"contribution|submission|comments|input", "contribution"},
      {"announcement|call-for|invitation|modalities|press-release|notice", "announcement"},
  };

  /** The document type a file name suggests, or null. */
  public static String docTypeFromName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT).replaceAll("[_ .]+", "-");
    for (String[] rule : NAME_KEYWORDS) {
      if (Pattern.compile("(^|[^a-z])(" + rule[0] + ")($|[^a-z])").matcher(name).find()) {
        return rule[1];
      }
    }
    return null;
  }

  /** ">> NAME:", ">>NAME:", bare ">>" and ">NAME:" markers, anywhere (collapsed transcripts put them mid-line). */
  private static final Pattern MARKER = Pattern.compile("(?m)(?:^|\\s)>{1,2}(?:\\s*[^\\s>:][^:\\n>]{0,60}:|\\s)");
  /** Unmarked labels at line start: "NAME SURNAME:" in capitals. */
  private static final Pattern CAPS_LABEL =
      Pattern.compile("(?m)^[ \\t]*(\\p{Lu}[\\p{Lu}.'’\\-]+(?:[ ]+\\p{Lu}[\\p{Lu}.'’\\-]*){0,4}):[ \\t]");
  private static final int MIN_MARKERS = 3;
  private static final int MIN_CAPS_LABELS = 6;

  /**
   * True when the text reads as a meeting transcript: at least 3 captioning markers, or at least 6 capitalised line
   * labels held by at least 2 different speakers (so that a document with a few "NOTE:" lines is not one).
   */
  public static boolean looksLikeTranscript(String text) {
    Matcher markers = MARKER.matcher(text);
    int count = 0;
    while (markers.find()) {
      if (++count >= MIN_MARKERS) {
        return true;
      }
    }
    Matcher labels = CAPS_LABEL.matcher(text);
    Set<String> speakers = new HashSet<>();
    int labelled = 0;
    while (labels.find()) {
      labelled++;
      speakers.add(labels.group(1));
    }
    return labelled >= MIN_CAPS_LABELS && speakers.size() >= 2;
  }

  /** A session id from a file name: its stem as a slug ("WS 12 – Transcript.txt" → "ws-12-transcript"). */
  public static String sessionIdFromName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return Forums.slug(dot > 0 ? fileName.substring(0, dot) : fileName);
  }
}
