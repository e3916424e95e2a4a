package org.opennessobservatory.speakers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * <p>From the floor, speakers often say only their name and affiliation: "Hello, Grace Mwangi, Kenya Youth Internet
 * Caucus." or "Thanks. Priya Raman, Institute for Network Policy." {@link #fromTheFloor} also takes that form, the
 * whole first sentence after greetings and thanks, ended right after the affiliation (and perhaps a place). A chair
 * or a panelist says the same words to give someone else the floor ("Sarah Whitfield, Open Rights Forum, you have the
 * floor"), so the form is only for turns whose label names nobody and holds no chairing role, and not when the next
 * sentence hands over the floor; a country or an organisation in the name's place ("Internet Society, Geneva.") is
 * no person. Limit: two names in a row ("Carlos Mendoza, Mei Lin Chen.") read as a name and an affiliation.
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

  /** Words of a sentence that only greets or thanks, which may come before a bare introduction from the floor. */
  private static final Set<String> COURTESY = Set.of("hello", "hi", "hey", "good", "morning", "afternoon", "evening",
      "everyone", "all", "thanks", "thank", "you", "very", "much", "so", "yes", "okay", "ok", "chair", "madam",
      "moderator");
  /** Words that may open the sentence of the bare introduction itself: greetings, not thanks ("Thank you, Ana"). */
  private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "good", "morning", "afternoon", "evening",
      "everyone", "all");
  /** A name, a comma and a capitalised word near the start: the only turns worth tagging for a bare introduction. */
  private static final Pattern BARE = Pattern.compile("^[^:;]{0,60}?\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}.'-]*){1,4}, "
      + "(?:from |with |of |at |representing )?(?:the )?\\p{Lu}");
  /** A sentence after a name and affiliation that hands over the floor: a chair naming the next speaker. */
  private static final Pattern HANDOVER = Pattern.compile("(?i)\\b(?:go ahead|you have the floor|the floor is yours|"
      + "over to you|welcome)\\b");
  /** Organisations and countries say who is speaking too ("Thank you. Internet Society, Geneva."), but no person. */
  private static final StakeholderKeywords ORGANISATIONS = StakeholderKeywords.shipped();
  private static final Set<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
      .map(c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT))
      .collect(Collectors.toUnmodifiableSet());
  /** What may follow the affiliation of a bare introduction in its sentence: a place, then the sentence's end. */
  private static final Pattern BARE_END =
      Pattern.compile("(?:, *\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*)*)? *[.!]? *");

  private static final ThreadLocal<SentenceDetectorME> SENTENCE_DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));
  private static final ThreadLocal<TokenizerME> TOKENIZER =
      ThreadLocal.withInitial(() -> new TokenizerME(Models.englishTokens()));
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Models.englishPos()));

  public static Optional<SelfIntroduction> find(String turnText) {
    return find(turnText, false);
  }

  /**
   * {@link #find} in the turn of a chair, moderator, host or secretariat, who introduces others: "This is Amara
   * Okafor, from …" there hands the floor to a panelist, so only the first person ("my name is", "I am") names the
   * speaker.
   */
  public static Optional<SelfIntroduction> inChairingTurn(String turnText) {
    return find(turnText, true);
  }

  private static Optional<SelfIntroduction> find(String turnText, boolean chairing) {
    String head = head(turnText);
    if (!TRIGGER.matcher(head).find()) {
      return Optional.empty();
    }
    String[] sentences = SENTENCE_DETECTOR.get().sentDetect(head);
    for (int s = 0; s < Math.min(SENTENCES, sentences.length); s++) {
      if (TRIGGER.matcher(sentences[s]).find()) {
        Optional<SelfIntroduction> found = inSentence(sentences[s], chairing);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@link #find}, or else a bare introduction, "Hello, Grace Mwangi, Kenya Youth Internet Caucus.": for a turn from
   * the floor, whose label names nobody and holds no chairing role.
   */
  public static Optional<SelfIntroduction> fromTheFloor(String turnText) {
    Optional<SelfIntroduction> found = find(turnText);
    if (found.isPresent()) {
      return found;
    }
    String head = head(turnText);
    if (!BARE.matcher(head).find()) {
      return Optional.empty();
    }
    String[] sentences = SENTENCE_DETECTOR.get().sentDetect(head);
    for (int s = 0; s < Math.min(SENTENCES, sentences.length); s++) {
      Tokens t = tagged(sentences[s]);
      if (!t.onlyCourtesy()) {
        boolean handedOver = s + 1 < sentences.length && HANDOVER.matcher(sentences[s + 1]).find();
        return handedOver ? Optional.empty() : bare(t);
      }
    }
    return Optional.empty();
  }

  private static String head(String turnText) {
    return turnText.substring(0, Math.min(turnText.length(), HEAD_CHARS))
        .replace('\u2019', '\'').replace('\u2011', '-').replace('\u00a0', ' ');
  }

  private static Tokens tagged(String sentence) {
    Span[] spans = TOKENIZER.get().tokenizePos(sentence);
    String[] tokens = Span.spansToStrings(spans, sentence);
    String[] tags = TAGGER.get().tag(tokens);
    // In an all-capitals sentence the tagger calls every word PROPN: nouns count as name words, stop words end them.
    boolean shouting = sentence.codePoints().noneMatch(Character::isLowerCase);
    return new Tokens(sentence, spans, tokens, tags, shouting);
  }

  /** The sentence's greetings, then a full name, a comma, the affiliation and at most a place before its end. */
  private static Optional<SelfIntroduction> bare(Tokens t) {
    int start = 0;
    while (start < t.tokens().length && (GREETINGS.contains(t.lower(start)) || t.isPunctuation(start))) {
      start++;
    }
    int end = t.nameRun(start);
    if (end == start || !t.isWord(end, ",")) {
      return Optional.empty();
    }
    NameKey key = fullName(t, start, end);
    int after = t.affiliationEnd(end);
    if (key == null || after < 0 || !BARE_END.matcher(t.sentence().substring(after)).matches()) {
      return Optional.empty();
    }
    String name = SpeakerLabel.parse(t.text(start, end)).name();
    if (ORGANISATIONS.groupOf(name).isPresent() || COUNTRIES.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new SelfIntroduction(name, t.affiliation(end)));
  }

  /** The key of the name in tokens {@code start} to {@code end}, if a full name of at most five words. */
  private static NameKey fullName(Tokens t, int start, int end) {
    SpeakerLabel parsed = SpeakerLabel.parse(t.text(start, end));
    NameKey key = parsed.name() == null ? null : NameKey.of(parsed.name());
    return key != null && key.isFull() && key.words().size() <= 5 ? key : null;
  }

  private static Optional<SelfIntroduction> inSentence(String sentence, boolean chairing) {
    Tokens t = tagged(sentence);
    String[] tokens = t.tokens();
    for (int i = 0; i < tokens.length; i++) {
      int after = t.trigger(i);
      if (after < 0) {
        continue;
      }
      boolean affiliationOnly = t.isWord(after, "work") || t.isWord(after, "represent");
      int end = affiliationOnly ? after : t.nameRun(after);
      if (end > after) {
        NameKey key = fullName(t, after, end);
        boolean thisIs = t.isWord(i, "this");
        if (key != null && !(thisIs && chairing)
            && (!thisIs || end < tokens.length && AFTER_THIS_IS.contains(t.lower(end)))) {
          return Optional.of(new SelfIntroduction(SpeakerLabel.parse(t.text(after, end)).name(), t.affiliation(end)));
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
      int[] found = affiliationTokens(i);
      return found == null ? null : sentence.substring(spans[found[0]].getStart(), spans[found[1]].getEnd());
    }

    /** Where in the sentence the affiliation after token {@code i} ends, or -1 when none follows. */
    int affiliationEnd(int i) {
      int[] found = affiliationTokens(i);
      return found == null ? -1 : spans[found[1]].getEnd();
    }

    /** The first and last token of the affiliation after token {@code i}, or null. */
    private int[] affiliationTokens(int i) {
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
      return last < start ? null : new int[] {start, last};
    }

    /** The words of tokens {@code start} to {@code end} (exclusive) as they stand in the sentence. */
    String text(int start, int end) {
      return sentence.substring(spans[start].getStart(), spans[end - 1].getEnd());
    }

    boolean isPunctuation(int i) {
      return tokens[i].codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** A sentence of greetings and thanks only ("Thank you, Chair.", "Hello everyone!"). */
    boolean onlyCourtesy() {
      for (int i = 0; i < tokens.length; i++) {
        if (!isPunctuation(i) && !COURTESY.contains(lower(i))) {
          return false;
        }
      }
      return true;
    }

    private boolean capitalised(int i) {
      return !tokens[i].isEmpty() && Character.isUpperCase(tokens[i].codePointAt(0));
    }
  }
}
