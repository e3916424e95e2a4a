package org.opennessobservatory.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An IGF-like archive for {@code observatory generate} and the whole-pipeline benchmark: forums at every level over
 * ten years, transcripts of about 10,000 words in every speaker-turn convention of {@link TranscriptStyle}, and
 * session reports, agendas, contributions (with their stakeholder group, published before the meeting) and outcomes
 * (published after it, reusing sentences of some contributions of their process). Scale 1 is 600 transcripts (about
 * 6M words) and 300 other documents; the counts grow linearly with the scale.
 *
 * <p>Deterministic and order-free: document {@code i} of each kind is drawn from its own {@code Random}, so the same
 * seed gives the same files whatever order or thread renders them.
 */
public final class ArchiveCorpus {
  private ArchiveCorpus() {}

  public static final int TRANSCRIPTS_PER_SCALE = 600;
  public static final int OTHERS_PER_SCALE = 300;
  public static final int TRANSCRIPT_WORDS = 10_000;

  /** forum → level, from reference/forums.csv: every level a researcher compares. */
  static final Map<String, String> FORUMS = new LinkedHashMap<>();

  static {
    FORUMS.put("igf", "global");
    FORUMS.put("eurodig", "regional");
    FORUMS.put("aprigf", "regional");
    FORUMS.put("afigf", "regional");
    FORUMS.put("lacigf", "regional");
    FORUMS.put("ukigf", "national");
    FORUMS.put("igf-de", "national");
    FORUMS.put("nigf", "national");
    FORUMS.put("youth-igf", "youth");
  }

  static final int FIRST_YEAR = 2015;
  static final int YEARS = 10;
  static final String[] GROUPS = {"government", "civil_society", "private_sector", "technical_community",
      "academia", "intergovernmental"};
  private static final String[] ORGANISATIONS = {"Ministry of Communications", "Digital Rights Network",
      "Telecom Operators Association", "Regional Internet Registry", "Institute for Internet Studies",
      "Regional Economic Commission"};

  /** A planned file with its manifest row (columns of ingest.ManifestColumns, in that order). */
  public record Planned(BenchCorpus.Item item, Map<String, String> manifest) {}

  public record Counts(int transcripts, int others) {
    public int total() {
      return transcripts + others;
    }
  }

  public static Counts counts(double scale) {
    return new Counts((int) Math.round(TRANSCRIPTS_PER_SCALE * scale), (int) Math.round(OTHERS_PER_SCALE * scale));
  }

  private static String[] forumYear(int k) {
    String[] forums = FORUMS.keySet().toArray(String[]::new);
    return new String[] {forums[k % forums.length], Integer.toString(FIRST_YEAR + (k / forums.length) % YEARS)};
  }

  /** The meeting's first day: contributions are published before it, outcomes after it. */
  static java.time.LocalDate eventDate(String forum, int year) {
    return java.time.LocalDate.of(year, 3 + Math.floorMod(forum.hashCode(), 9), 10);
  }

  /** Transcript {@code i}. */
  public static Planned transcript(int i, long seed) {
    Random r = new Random((seed * 1_000_003L + i) ^ 0x7A4C_5C41L);
    String[] fy = forumYear(i);
    String forum = fy[0];
    int year = Integer.parseInt(fy[1]);
    TranscriptStyle style = TranscriptStyle.values()[i % TranscriptStyle.values().length];
    BenchCorpus.Format format = switch (i % 4) {
      case 0, 1 -> BenchCorpus.Format.HTML;
      case 2 -> BenchCorpus.Format.TXT;
      default -> i % 8 == 3 ? BenchCorpus.Format.PDF : BenchCorpus.Format.DOCX;
    };
    String topic = BenchCorpus.pick(r, BenchCorpus.TOPICS);
    String session = String.format(Locale.ROOT, "%s-%d-s%04d", forum, year, i);
    String title = "Transcript: " + BenchCorpus.capitalise(topic) + " (" + forum.toUpperCase(Locale.ROOT) + " "
        + year + ", session " + i + ")";
    List<String> paragraphs = style.render(turns(r, topic, TRANSCRIPT_WORDS, style));
    String path = String.format(Locale.ROOT, "%s/%d/%s-transcript.%s", forum, year, session,
        format.extension());
    java.time.LocalDate day = eventDate(forum, year).plusDays(i % 3);
    return new Planned(new BenchCorpus.Item(path, format, true, new FormatWriters.Doc(title, "", paragraphs)),
        row(path, forum, year, session, topic, day.toString(), "transcript", day.plusDays(1).toString(), title, "",
            "", ""));
  }

  /** The turns of a transcript: a few named speakers (first turns introduce themselves), now and then a bare one. */
  static List<TranscriptStyle.Turn> turns(Random r, String topic, int targetWords, TranscriptStyle style) {
    String[] speakers = new String[4 + r.nextInt(5)];
    for (int k = 0; k < speakers.length; k++) {
      speakers[k] = BenchCorpus.pick(r, BenchCorpus.FIRST_NAMES) + " " + BenchCorpus.pick(r, BenchCorpus.LAST_NAMES);
    }
    boolean bare = style == TranscriptStyle.MARKER_SPACE || style == TranscriptStyle.MARKER_GLUED
        || style == TranscriptStyle.COLLAPSED;
    boolean[] introduced = new boolean[speakers.length];
    List<TranscriptStyle.Turn> turns = new ArrayList<>();
    int words = 0;
    while (words < targetWords) {
      int s = r.nextInt(speakers.length);
      String label = bare && r.nextInt(25) == 0 ? null : speakers[s];
      List<String> paragraphs = new ArrayList<>();
      StringBuilder p = new StringBuilder(BenchCorpus.pick(r, BenchCorpus.OPENERS));
      if (label != null && !introduced[s]) {
        introduced[s] = true;
        p.append(" My name is ").append(speakers[s]).append(" and I work for the ")
            .append(BenchCorpus.pick(r, ORGANISATIONS)).append('.');
      }
      int paragraphCount = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
      for (int k = 0; k < paragraphCount; k++) {
        StringBuilder q = k == 0 ? p : new StringBuilder();
        int sentences = 2 + r.nextInt(5);
        for (int j = 0; j < sentences; j++) {
          q.append(q.isEmpty() ? "" : " ").append(BenchCorpus.sentence(r, topic));
        }
        if (r.nextInt(40) == 0) {
          q.append(" [ Applause ]");
        }
        words += BenchCorpus.countWords(q.toString());
        paragraphs.add(q.toString());
      }
      turns.add(new TranscriptStyle.Turn(label, paragraphs));
    }
    return turns;
  }

  /**
   * Other document {@code j} of {@code others}: by its rank within its forum-year (slot), the outcome (slot 0),
   * a contribution (odd slots), a session report or an agenda (other even slots).
   */
  public static Planned other(int j, int others, long seed) {
    String[] fy = forumYear(j);
    String forum = fy[0];
    int year = Integer.parseInt(fy[1]);
    int slot = j / (FORUMS.size() * YEARS); // the j-th document of its forum-year is slot
    java.time.LocalDate day = eventDate(forum, year);
    BenchCorpus.Format format = BenchCorpus.Format.values()[j % 3]; // PDF, DOCX, HTML
    Random r = new Random((seed * 1_000_003L + j) ^ 0x0DD5_0C5L);
    String topic = BenchCorpus.pick(r, BenchCorpus.TOPICS);
    String kind;
    String group = "";
    String organisation = "";
    String author = "";
    List<String> paragraphs;
    String published;
    if (slot == 0) {
      kind = "outcome";
      paragraphs = outcome(j, others, seed, r, topic);
      published = day.plusDays(20).toString();
    } else if (slot % 2 == 1) {
      kind = "contribution";
      int g = r.nextInt(GROUPS.length);
      group = GROUPS[g];
      organisation = ORGANISATIONS[g];
      author = BenchCorpus.pick(r, BenchCorpus.FIRST_NAMES) + " " + BenchCorpus.pick(r, BenchCorpus.LAST_NAMES);
      paragraphs = contribution(j, seed);
      published = day.minusDays(30 + r.nextInt(30)).toString();
    } else {
      kind = slot % 4 == 2 ? "session_report" : "agenda";
      paragraphs = prose(r, topic, kind.equals("agenda") ? 300 : 1_500);
      published = (kind.equals("agenda") ? day.minusDays(40) : day.plusDays(10)).toString();
    }
    String name = String.format(Locale.ROOT, "%s-%d-d%04d-%s", forum, year, j, kind.replace('_', '-'));
    String path = forum + "/" + year + "/" + name + "." + format.extension();
    String title = BenchCorpus.capitalise(kind.replace('_', ' ')) + ": " + BenchCorpus.capitalise(topic) + " ("
        + forum.toUpperCase(Locale.ROOT) + " " + year + ")";
    return new Planned(new BenchCorpus.Item(path, format, false, new FormatWriters.Doc(title, author, paragraphs)),
        row(path, forum, year, "", topic, day.toString(), kind, published, title, author, organisation, group));
  }

  /** Planned file {@code k} of the corpus: transcripts first, then the other documents. */
  public static Planned planned(int k, Counts counts, long seed) {
    return k < counts.transcripts() ? transcript(k, seed) : other(k - counts.transcripts(), counts.others(), seed);
  }

  /** A contribution's paragraphs: its own Random, so an outcome can draw sentences from it again. */
  static List<String> contribution(int j, long seed) {
    Random r = new Random((seed * 1_000_003L + j) ^ 0xC0_471BL);
    return prose(r, BenchCorpus.pick(r, BenchCorpus.TOPICS), 1_200);
  }

  /** An outcome: its own text, plus the first paragraph of every other contribution of its process. */
  private static List<String> outcome(int j, int others, long seed, Random r, String topic) {
    List<String> paragraphs = new ArrayList<>(prose(r, topic, 800));
    int stride = FORUMS.size() * YEARS;
    for (int k = j + stride; k < others; k += 4 * stride) { // slots 1, 5, 9 …: contributions
      paragraphs.add(contribution(k, seed).get(0));
    }
    return paragraphs;
  }

  private static List<String> prose(Random r, String topic, int targetWords) {
    List<String> paragraphs = new ArrayList<>();
    int words = 0;
    while (words < targetWords) {
      StringBuilder p = new StringBuilder();
      for (int s = 0, n = 3 + r.nextInt(5); s < n; s++) {
        p.append(s == 0 ? "" : " ").append(BenchCorpus.sentence(r, topic));
      }
      words += BenchCorpus.countWords(p.toString());
      paragraphs.add(p.toString());
    }
    return paragraphs;
  }

  private static Map<String, String> row(String path, String forum, int year, String session, String topic,
      String date, String docType, String published, String title, String author, String organisation,
      String group) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("forum", forum);
    m.put("forum_level", FORUMS.get(forum));
    m.put("event", forum.toUpperCase(Locale.ROOT) + " " + year);
    m.put("year", Integer.toString(year));
    m.put("session_id", session);
    m.put("session_title", session.isEmpty() ? "" : BenchCorpus.capitalise(topic));
    m.put("session_type", session.isEmpty() ? "" : "workshop");
    m.put("date", date);
    m.put("doc_type", docType);
    m.put("language", "en");
    m.put("published_on", published);
    m.put("title", title);
    m.put("author", author);
    m.put("author_organisation", organisation);
    m.put("author_stakeholder_group", group);
    m.put("author_country", "");
    m.put("url", "");
    return m;
  }
}
