package org.opennessobservatory.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A synthetic benchmark corpus of Internet-governance documents: N files in the layout
 * {@code <forum>/<year>/<name>.<ext>}, formats cycling PDF, DOCX, HTML, TXT (equal shares), each of ~1,000–2,000
 * words. Every third document is a meeting transcript with {@code >> NAME:} turn markers.
 *
 * <p>Deterministic: document {@code i} is drawn from its own {@code Random(seed * 1_000_003 + i)}, so the same seed
 * gives the same file list and bytes (the writers in {@link FormatWriters} are deterministic too), and documents can
 * be rendered in any order or in parallel.
 */
public final class BenchCorpus {
  private BenchCorpus() {}

  public static final long DEFAULT_SEED = 42;
  public static final int MIN_WORDS = 1_000;
  public static final int MAX_WORDS = 2_000;

  public enum Format {
    PDF, DOCX, HTML, TXT;

    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One planned file: where it goes, how it is rendered, and what it says. */
  public record Item(String relPath, Format format, boolean transcript, FormatWriters.Doc doc) {
    public byte[] bytes() {
      return switch (format) {
        case PDF -> FormatWriters.pdf(doc);
        case DOCX -> FormatWriters.docx(doc);
        case HTML -> FormatWriters.html(doc);
        case TXT -> FormatWriters.txt(doc);
      };
    }
  }

  // ------------------------------------------------------------------ vocabulary

  static final String[] FORUMS = {"igf", "eurodig", "icann", "wsis", "aprigf", "afigf", "lacigf", "ukigf"};
  static final int FIRST_YEAR = 2014;
  static final int YEARS = 11;

  static final String[] TOPICS = {"Internet fragmentation", "data governance", "digital inclusion",
      "cybersecurity norms", "content moderation", "meaningful connectivity", "the Global Digital Compact",
      "artificial intelligence governance", "DNS abuse", "community networks", "cross-border data flows",
      "the WSIS+20 review", "online child protection", "Internet shutdowns", "universal acceptance"};
  private static final String[] ACTORS = {"governments", "the private sector", "civil society", "the technical "
      + "community", "academia", "youth participants", "national regulators", "intergovernmental organisations",
      "small island developing states", "remote participants", "the stakeholder groups", "network operators"};
  private static final String[] VERBS = {"should strengthen", "must be able to shape", "have repeatedly called for",
      "continue to question", "are invited to review", "need a clearer role in", "have contributed to",
      "asked for more transparency in", "warned against the erosion of", "proposed a new approach to"};
  private static final String[] OBJECTS = {"the consultation process", "the drafting of the outcome document",
      "the selection of session proposals", "the open call for input", "the intersessional work",
      "the capacity-building programme", "the remote participation tools", "the public comment period",
      "the accountability mechanisms", "the funding of fellowships", "the agenda-setting phase",
      "the multistakeholder advisory group"};
  private static final String[] QUALIFIERS = {"in a bottom-up and inclusive manner", "before the next annual "
      + "meeting", "with particular attention to the Global South", "without creating new bureaucracy",
      "on the basis of open and transparent criteria", "in line with the Tunis Agenda", "as a matter of urgency",
      "through existing institutions", "so that newcomers can participate on an equal footing",
      "with documents published well in advance"};
  private static final String[] CONNECTORS = {"At the same time,", "In addition,", "However,", "As a result,",
      "In the view of several participants,", "According to the session report,", "Moreover,",
      "By contrast,", "Finally,", "In practice,"};
  static final String[] FIRST_NAMES = {"Amina", "Bertrand", "Carolina", "Dmitri", "Esther", "Farid",
      "Grace", "Hiroshi", "Ingrid", "Jomo", "Karla", "Luis", "Mei", "Nnenna", "Olga", "Pavel", "Raúl", "Sofia"};
  static final String[] LAST_NAMES = {"Okafor", "Lindqvist", "Moreno", "Ivanov", "Mensah", "Haddad",
      "Tanaka", "Schmidt", "Wanjiru", "Silva", "Chen", "Kowalski", "Dubois", "Adeyemi", "Patel", "Novak"};
  private static final String[] ROLES = {"MODERATOR", "CHAIR", "PARTICIPANT", "REMOTE MODERATOR", "RAPPORTEUR"};
  static final String[] OPENERS = {"Thank you, Chair.", "Thank you very much.", "Good morning, everyone.",
      "If I may add one point.", "I would like to build on what was just said.", "Thank you for the floor.",
      "Let me respond briefly.", "I have a question for the panel."};

  // ------------------------------------------------------------------ the pure part

  /** The N documents of a corpus, in index order. */
  public static List<Item> plan(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    List<Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(item(i, seed));
    }
    return items;
  }

  /** Document {@code i} of the corpus with this seed, independent of every other document. */
  public static Item item(int i, long seed) {
    Random r = new Random(seed * 1_000_003L + i);
    Format format = Format.values()[i % Format.values().length];
    boolean transcript = i % 3 == 0;
    String forum = FORUMS[r.nextInt(FORUMS.length)];
    int year = FIRST_YEAR + r.nextInt(YEARS);
    String topic = pick(r, TOPICS);
    String kind = transcript ? "transcript" : pick(r, new String[] {"session-report", "contribution", "outcome"});
    String name = String.format(Locale.ROOT, "ws%04d-%s", i, kind);
    String title = (transcript ? "Transcript: " : capitalise(kind.replace('-', ' ')) + ": ")
        + capitalise(topic) + " (" + forum.toUpperCase(Locale.ROOT) + " " + year + ", workshop " + i + ")";
    String author = transcript ? "" : pick(r, FIRST_NAMES) + " " + pick(r, LAST_NAMES);
    // The last paragraph may overshoot the target by up to ~250 words: stay under MAX_WORDS.
    int words = MIN_WORDS + r.nextInt(MAX_WORDS - 250 - MIN_WORDS + 1);
    List<String> paragraphs = transcript ? transcriptTurns(r, topic, words) : prose(r, topic, words);
    return new Item(forum + "/" + year + "/" + name + "." + format.extension(), format, transcript,
        new FormatWriters.Doc(title, author, paragraphs));
  }

  /** A transcript of the segment benchmark: the fields its documents row needs, and the text as a TXT file has it. */
  public record Transcript(String docId, String forum, int year, String text) {}

  /**
   * Transcript {@code i} of a transcript-only corpus: title line, then {@code >> NAME:} turns of about
   * {@code words} words in all (the last turn may overshoot by up to ~250 words), separated by blank lines as
   * {@link FormatWriters#txt} writes them. Drawn from its own {@code Random}, seeded apart from {@link #item}'s.
   */
  public static Transcript transcript(int i, long seed, int words) {
    if (words < 1) {
      throw new IllegalArgumentException("words must be at least 1: " + words);
    }
    Random r = new Random((seed * 1_000_003L + i) ^ 0x5EC_3E47L);
    String forum = FORUMS[r.nextInt(FORUMS.length)];
    int year = FIRST_YEAR + r.nextInt(YEARS);
    String topic = pick(r, TOPICS);
    String title = "Transcript: " + capitalise(topic) + " (" + forum.toUpperCase(Locale.ROOT) + " " + year
        + ", session " + i + ")";
    StringBuilder text = new StringBuilder(title).append("\n\n");
    for (String turn : transcriptTurns(r, topic, words)) {
      text.append(turn).append("\n\n");
    }
    return new Transcript(String.format(Locale.ROOT, "bench-%06d", i), forum, year, text.toString());
  }

  private static List<String> prose(Random r, String topic, int targetWords) {
    List<String> paragraphs = new ArrayList<>();
    int words = 0;
    while (words < targetWords) {
      StringBuilder p = new StringBuilder();
      int sentences = 3 + r.nextInt(5);
      for (int s = 0; s < sentences; s++) {
        p.append(s == 0 ? "" : " ").append(sentence(r, topic));
      }
      words += countWords(p.toString());
      paragraphs.add(p.toString());
    }
    return paragraphs;
  }

  private static List<String> transcriptTurns(Random r, String topic, int targetWords) {
    String[] speakers = new String[3 + r.nextInt(4)];
    for (int k = 0; k < speakers.length; k++) {
      speakers[k] = (pick(r, FIRST_NAMES) + " " + pick(r, LAST_NAMES)).toUpperCase(Locale.ROOT);
    }
    List<String> turns = new ArrayList<>();
    turns.add(">> " + pick(r, ROLES) + ": Welcome to this session on " + topic + ". Let us begin.");
    int words = countWords(turns.get(0));
    while (words < targetWords) {
      StringBuilder turn = new StringBuilder(">> ").append(speakers[r.nextInt(speakers.length)]).append(": ")
          .append(pick(r, OPENERS));
      int sentences = 1 + r.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        turn.append(' ').append(sentence(r, topic));
      }
      words += countWords(turn.toString());
      turns.add(turn.toString());
    }
    return turns;
  }

  static String sentence(Random r, String topic) {
    String core = pick(r, ACTORS) + " " + pick(r, VERBS) + " " + pick(r, OBJECTS) + " on " + topic + " "
        + pick(r, QUALIFIERS);
    return switch (r.nextInt(4)) {
      case 0 -> pick(r, CONNECTORS) + " " + core + ".";
      case 1 -> capitalise(core) + ", and " + pick(r, ACTORS) + " " + pick(r, VERBS) + " " + pick(r, OBJECTS) + ".";
      case 2 -> "Why, " + pick(r, ACTORS) + " asked, do so few of " + pick(r, ACTORS) + " take part in "
          + pick(r, OBJECTS) + "?";
      default -> capitalise(core) + ".";
    };
  }

  static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static int countWords(String s) {
    return s.split("\\s+").length;
  }

  // ------------------------------------------------------------------ the side effect

  /**
   * Renders and writes the N documents under {@code dir} (created if missing), in parallel; returns the bytes
   * written. Existing files of the same names are overwritten.
   */
  public static long write(Path dir, int n, long seed) {
    return IntStream.range(0, n).parallel().mapToLong(i -> {
      Item item = item(i, seed);
      byte[] bytes = item.bytes();
      Path file = dir.resolve(item.relPath());
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + file, e);
      }
      return bytes.length;
    }).sum();
  }
}
