package org.opennessobservatory.speakers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.opennessobservatory.nlp.Models;
import org.opennessobservatory.transcripts.SpeakerLabel;

/**
 * A speaker naming themself at the start of a turn: "My name is Amara Okafor from the Open Net Africa Coalition",
 * "I'm Grace Mwangi with …", "This is Aroha Ngata speaking from …", or only their affiliation ("I'm with …", "I work
 * for …"). The only way an unlabelled or AUDIENCE turn gets a name: the label alone never names anyone.
 *
 * <p>Found in the first sentences (OpenNLP sentence model) of a turn; the name is the run of proper nouns (UD tag
 * PROPN, OpenNLP POS model) right after the trigger, at least a given name and a surname; the organisation the run
 * of capitalised nouns after "from / with / of / at / representing". POS tagging is slow (64k tokens/s), so only
 * sentences holding a trigger are tagged.
 *
 * @param name the person's name without titles, or null when only the affiliation was given
 * @param organisation the affiliation as said, or null
 */
public record SelfIntroduction(String name, String organisation) {

  /** Sentences read from the start of a turn: introductions come first. */
  private static final int SENTENCES = 3;
  private static final int HEAD_CHARS = 600;
  /** The lookahead turns away, with one character check, the positions where no trigger can start. */
  private static final Pattern TRIGGER = Pattern.compile("(?i)\\b(?=[mit])(?:my name(?: is|'s)|i am|i'm|this is|i work|"
      + "i represent)\\b");
  private static final Set<String> NAME_STOPS = Set.of("from", "with", "of", "at", "and", "representing", "speaking",
      "here", "for", "in", "on", "the", "a", "an", "i", "to");
  /** Tags no word of a name carries, whatever the tagger makes of rare given names. */
  private static final Set<String> NOT_NAME_TAGS = Set.of("VERB", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT",
      "PART", "ADV", "INTJ", "NUM", "SYM");
  private static final Set<String> AFFILIATION = Set.of("from", "with", "of", "at", "representing");
  private static final Set<String> ORG_CONNECTORS = Set.of("of", "for", "on", "and", "&", "de", "du", "des", "la",
      "del", "für");
  /** "This is …" introduces a name only if something follows that says so ("This is Internet Governance Forum"). */
  private static final Set<String> AFTER_THIS_IS = Set.of("from", "with", "speaking", "here", "of", "at", ",",
      "representing");

  private static final ThreadLocal<SentenceDetectorME> SENTENCE_DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));
  private static final ThreadLocal<TokenizerME> TOKENIZER =
      ThreadLocal.withInitial(() -> new TokenizerME(Models.englishTokens()));
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Models.englishPos()));

  public static Optional<SelfIntroduction> find(String turnText) {
    String head = turnText.substring(0, Math.min(turnText.length(), HEAD_CHARS))
        .replace('\u2019', '\'').replace('\u2011', '-').replace('\u00a0', ' ');
    if (!TRIGGER.matcher(head).find()) {
      return Optional.empty();
    }
    String[] sentences = SENTENCE_DETECTOR.get().sentDetect(head);
    for (int s = 0; s < Math.min(SENTENCES, sentences.length); s++) {
      if (TRIGGER.matcher(sentences[s]).find()) {
        Optional<SelfIntroduction> found = inSentence(sentences[s]);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<SelfIntroduction> inSentence(String sentence) {
    Span[] spans = TOKENIZER.get().tokenizePos(sentence);
    String[] tokens = Span.spansToStrings(spans, sentence);
    String[] tags = TAGGER.get().tag(tokens);
    // In an all-capitals sentence the tagger calls every word PROPN: nouns count as name words, stop words end them.
    boolean shouting = sentence.codePoints().noneMatch(Character::isLowerCase);
    Tokens t = new Tokens(sentence, spans, tokens, tags, shouting);
    for (int i = 0; i < tokens.length; i++) {
      int after = t.trigger(i);
      if (after < 0) {
        continue;
      }
      boolean affiliationOnly = t.isWord(after, "work") || t.isWord(after, "represent");
      int end = affiliationOnly ? after : t.nameRun(after);
      if (end > after) {
        SpeakerLabel parsed = SpeakerLabel.parse(sentence.substring(spans[after].getStart(), spans[end - 1].getEnd()));
        NameKey key = parsed.name() == null ? null : NameKey.of(parsed.name());
        boolean thisIs = t.isWord(i, "this");
        if (key != null && key.isFull() && key.words().size() <= 5
            && (!thisIs || end < tokens.length && AFTER_THIS_IS.contains(t.lower(end)))) {
          return Optional.of(new SelfIntroduction(parsed.name(), t.affiliation(end)));
        }
      } else {
        String organisation = t.affiliation(after);
        if (organisation != null) {
          return Optional.of(new SelfIntroduction(null, organisation));
        }
      }
    }
    return Optional.empty();
  }

  /** A tagged sentence and the scans over it. */
  private record Tokens(String sentence, Span[] spans, String[] tokens, String[] tags, boolean shouting) {

    String lower(int i) {
      return i < tokens.length ? tokens[i].toLowerCase(Locale.ROOT) : "";
    }

    boolean isWord(int i, String word) {
      return lower(i).equals(word);
    }

    /** The index after a trigger starting at {@code i}, or -1. */
    int trigger(int i) {
      String w = lower(i);
      if (w.equals("my") && isWord(i + 1, "name") && (isWord(i + 2, "is") || isWord(i + 2, "'s"))) {
        return i + 3;
      }
      if (w.equals("my") && isWord(i + 1, "name's")) {
        return i + 2;
      }
      if (w.equals("i'm") || w.equals("i") && (isWord(i + 1, "am") || isWord(i + 1, "'m"))) {
        return w.equals("i'm") ? i + 1 : i + 2;
      }
      if (w.equals("i") && (isWord(i + 1, "work") || isWord(i + 1, "represent"))) {
        return i + 1;
      }
      if (w.equals("this") && isWord(i + 1, "is")) {
        return i + 2;
      }
      return -1;
    }

    /**
     * The end (exclusive) of the run of name words from {@code start} — capitalised, not function words — or
     * {@code start} when the run holds no proper noun. The tagger often misreads given names ("Kwame" DET, "Chloe"
     * ADJ, "Rhys" NOUN) but rarely misses every word of a name; hyphen-joined parts stay in the run.
     */
    int nameRun(int start) {
      int i = start;
      boolean proper = shouting;
      while (i < tokens.length) {
        boolean glued = i > start && spans[i].getStart() == spans[i - 1].getEnd();
        if (glued && (tokens[i].startsWith("-") || tokens[i - 1].endsWith("-"))) {
          i++;
          continue;
        }
        if (!capitalised(i) || NAME_STOPS.contains(lower(i)) || NOT_NAME_TAGS.contains(tags[i])) {
          break;
        }
        proper |= tags[i].equals("PROPN");
        i++;
      }
      return proper ? i : start;
    }

    /** "from the Open Net Africa Coalition in Lagos" → "Open Net Africa Coalition"; null when none follows. */
    String affiliation(int i) {
      boolean comma = i < tokens.length && tokens[i].equals(",");
      if (comma) {
        i++;
      }
      if (i < tokens.length && (tokens[i].equals("work") || tokens[i].equals("represent"))) {
        i++;
      }
      boolean represent = i > 0 && lower(i - 1).equals("represent");
      // "My name is Priya Raman, Institute for Network Policy": the affiliation right after a comma.
      boolean bare = comma && i < tokens.length && capitalised(i) && !NAME_STOPS.contains(lower(i));
      if (!represent && !bare) {
        if (i >= tokens.length || !AFFILIATION.contains(lower(i)) && !lower(i).equals("for")) {
          return null;
        }
        i++;
      }
      if (isWord(i, "the")) {
        i++;
      }
      int start = i;
      int last = -1;
      while (i < tokens.length) {
        if (capitalised(i) && !NAME_STOPS.contains(lower(i)) && List.of("PROPN", "NOUN", "ADJ", "NUM", "X")
            .contains(tags[i])) {
          last = i++;
        } else if (last >= 0 && ORG_CONNECTORS.contains(lower(i)) && i + 1 < tokens.length && capitalised(i + 1)) {
          i++;
        } else if (last >= 0 && spans[i].getStart() == spans[i - 1].getEnd() && tokens[i].startsWith("-")) {
          last = i++;
        } else {
          break;
        }
      }
      return last < start ? null : sentence.substring(spans[start].getStart(), spans[last].getEnd());
    }

    private boolean capitalised(int i) {
      return !tokens[i].isEmpty() && Character.isUpperCase(tokens[i].codePointAt(0));
    }
  }
}
