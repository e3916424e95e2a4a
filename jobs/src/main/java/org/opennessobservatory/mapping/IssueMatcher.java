package org.opennessobservatory.mapping;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opennessobservatory.cli.UserException;

/**
 * Finds a taxonomy's issues in text by lemma. Built once from the taxonomy (its terms lemmatized once, on the driver)
 * and shipped to executors; {@link #match} is a pure function of the text.
 *
 * <p>A word of the text matches a word of a term when its lower-case form or its lemma equals the term word's
 * lower-case form or lemma: inflections count ("rights" for "right", "children" for "child", "cyberattacks" for
 * "cyberattack"), derivations do not ("connected" is not "connectivity"). A phrase matches as consecutive words;
 * phrases are matched first, longest first, and a word counted for a phrase is not counted again for a term. Before
 * them, the taxonomy's phrases to ignore take their words the same way and count for nothing: "Global Multistakeholder
 * Meeting on the Future of Internet Governance" names the venue, so its "Multistakeholder" does not count for the
 * term multistakeholder. A term or phrase an issue lists as shared counts for that issue as well as for its own. The
 * prefilter does not look at ignored phrases: it drops only sentences in which no term or phrase can
 * occur at all, and these have no match whatever is ignored.
 *
 * <p><b>Prefilter.</b> POS tagging and lemmatizing run at ~9k tokens/s, far too slow for whole transcripts, so only
 * sentences holding a <i>candidate</i> word are lemmatized: a word whose lower-case form starts with the same
 * {@link #PREFIX} characters (the whole word when shorter) as a term, written or lemmatized — for a phrase, as its anchor word
 * (its longest word that is neither a function word nor one of the very common words of the field, {@link #COMMON}:
 * every word of a phrase must be there for it to match, so the most selective one suffices; a lemma of the anchor
 * that is itself such a word — "goods" → "good" — is not used). Other sentences are only tokenized. A match the prefilter can miss is an irregular form whose first letters differ from the
 * term's written form, its regular plurals and its lemma (women/woman): list such forms in the taxonomy as written.
 * Of the sentences the prefilter lets through, {@link #need} then drops those that cannot hold a match whatever
 * the lemmatizer makes of them (no token has a key among the lemmas the lemmatizer could give it), and matches on
 * their lower-case words alone those whose matches cannot depend on the lemmas (most of them: a term's word is
 * mostly written as the term is, or as its regular plural). The results are the same; of the sample transcripts'
 * sentences, 5.5% are tagged rather than 35% (PrefilterShareTest).
 *
 * <p><b>Normalisation</b>, the same for text and terms: a hyphen between letters becomes a space (the tokenizer splits
 * "E-waste" and "e-waste" differently), and a possessive 's is dropped ("ICANN's" is one token the lemmatizer
 * mangles). The regular plurals of each term word (+s, +es, y→ies) are keys too: the lemmatizer leaves capitalised
 * plurals it tags as proper nouns ("Algorithms decide…", "Startups…") and lexicalised plurals ("goods") unchanged.
 *
 * <p><b>Classifier.</b> Given an {@link IssueClassifier}, every sentence (the prefilter's dropped ones too: the
 * classifier reads words the taxonomy does not list) is also classified on its lower-case tokens, which the prefilter
 * has made anyway; a {@link Hit} counts the sentences classified apart from the term matches, so that each method's
 * findings stay visible.
 */
public final class IssueMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One term or phrase: the issue it signals, the issues that share it (none, mostly), the words as written, and each
   * word's match keys.
   */
  private record Pattern(int issue, SortedSet<Integer> sharers, String written, String[][] keys)
      implements Serializable {}

  /**
   * An issue found in one text: the count of its terms' matches and the terms (as written in the taxonomy) that
   * matched, and the count of sentences {@link IssueClassifier} assigned it to.
   */
  public record Hit(long matches, List<String> terms, long classified) implements Serializable {}

  /** What {@link #match} found, and how much of the text it had to lemmatize. */
  public record Result(Map<String, Hit> hits, int sentences, int lemmatizedSentences, int matchedSentences) {}

  private final String version;
  private final String[] ids;
  private final String[] labels;
  private final Map<String, Pattern> singles = new HashMap<>();
  private final Map<String, List<Pattern>> phrasesByFirst = new HashMap<>();
  /** The taxonomy's phrases to ignore (issue -1), by their first word's keys: matched first, never counted. */
  private final Map<String, List<Pattern>> ignoredByFirst = new HashMap<>();
  private final Set<String> prefixes = new HashSet<>();
  /** Every match key of every word of every term and phrase, to ignore or not. */
  private final Set<String> keys = new HashSet<>();
  /** The second method, run on every sentence; null when there is none. */
  private final IssueClassifier classifier;
  /** Whether {@link #match} asks {@link #need} before lemmatizing (false only to compare without it). */
  private final boolean exact;
  /** Per token: the keys its lower-case form or a lemma it can have equals ({@link #possibleKeys}); per JVM. */
  private transient java.util.concurrent.ConcurrentHashMap<String, String[]> tokenKeys;

  /**
   * Characters of a word's beginning the prefilter compares. Measured on the sample transcripts (PrefilterShareTest):
   * with 4 characters 7.1% of the sentences are lemmatized in the end, with 6 characters 5.5%, with the same matches
   * there and the same precision and recall on the gold set; 17.6% of the sentences hold a match.
   */
  public static final int PREFIX = 6;

  private final int prefixLength;

  private IssueMatcher(Taxonomy taxonomy, IssueClassifier classifier, int prefixLength, boolean exact) {
    this.classifier = classifier;
    this.prefixLength = prefixLength;
    this.exact = exact;
    version = taxonomy.version();
    int n = taxonomy.issues().size();
    ids = new String[n];
    labels = new String[n];
    for (int i = 0; i < n; i++) {
      Taxonomy.Issue issue = taxonomy.issues().get(i);
      ids[i] = issue.id();
      labels[i] = issue.label();
      List<String> all = new ArrayList<>(issue.terms());
      all.addAll(issue.phrases());
      for (String written : all) {
        add(taxonomy.source(), i, sharers(taxonomy, written), written);
      }
    }
    for (String written : taxonomy.ignore()) {
      Pattern p = new Pattern(-1, new TreeSet<>(), written, keys(written));
      for (String k : p.keys()[0]) {
        ignoredByFirst.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
      }
      for (String[] word : p.keys()) {
        keys.addAll(List.of(word));
      }
    }
  }

  /** The taxonomy's terms alone. */
  public static IssueMatcher of(Taxonomy taxonomy) {
    return of(taxonomy, null);
  }

  /**
   * The taxonomy's terms, and {@code classifier} (trained on the taxonomy's issue ids, in its order) on every
   * sentence.
   *
   * @param classifier null for none
   */
  public static IssueMatcher of(Taxonomy taxonomy, IssueClassifier classifier) {
    return new IssueMatcher(taxonomy, classifier, PREFIX, true);
  }

  /** A matcher whose prefilter compares {@code prefixLength} characters (for measuring the prefilter). */
  static IssueMatcher of(Taxonomy taxonomy, int prefixLength) {
    return new IssueMatcher(taxonomy, null, prefixLength, true);
  }

  /**
   * A matcher that lemmatizes every sentence the prefix prefilter lets through, without asking {@link #need}: the
   * same results as {@link #of(Taxonomy)}, more slowly (for the test that shows it).
   */
  static IssueMatcher withoutExactFilter(Taxonomy taxonomy) {
    return new IssueMatcher(taxonomy, null, PREFIX, false);
  }

  public String version() {
    return version;
  }

  /** Each issue's label by its id, small enough for a Spark function to carry (the matcher is megabytes). */
  public HashMap<String, String> labels() {
    HashMap<String, String> byId = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      byId.put(ids[i], labels[i]);
    }
    return byId;
  }

  /**
   * Each word's match keys: its lower-case form, its lemma and, for a word of letters, its regular plurals. A guessed
   * lemma is no key ({@link Lemmas#lemmas} gives the lower-case word instead): "gnso" → "go" would match every "went".
   */
  private static String[][] keys(String written) {
    String[] tokens = Lemmas.tokens(normalise(written));
    String[] lower = Lemmas.lower(tokens);
    String[] lemmas = Lemmas.lemmas(tokens);
    String[][] keys = new String[tokens.length][];
    for (int w = 0; w < tokens.length; w++) {
      Set<String> k0 = new LinkedHashSet<>(List.of(lower[w], lemmas[w]));
      if (lower[w].chars().allMatch(Character::isLetter)) {
        k0.addAll(plurals(lower[w]));
      }
      keys[w] = k0.toArray(String[]::new);
    }
    return keys;
  }

  /**
   * The issues that list {@code written} as shared (the taxonomy checked it is another issue's term or phrase),
   * compared in lower case as the taxonomy compares them.
   */
  private static SortedSet<Integer> sharers(Taxonomy taxonomy, String written) {
    String key = written.toLowerCase(Locale.ROOT);
    SortedSet<Integer> out = new TreeSet<>();
    for (int i = 0; i < taxonomy.issues().size(); i++) {
      if (taxonomy.issues().get(i).shared().stream()
          .anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(key))) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Two forms of one issue that match the same words ("ixp" and "ixps", "multi-stakeholder" and "multi stakeholder")
   * are one pattern where the matcher is concerned (the first listed wins); what either is shared with counts for
   * both.
   */
  private static void mergeSharers(Pattern a, Pattern b) {
    a.sharers().addAll(b.sharers());
    b.sharers().addAll(a.sharers());
  }

  private void add(String source, int issue, SortedSet<Integer> sharers, String written) {
    String[][] keys = keys(written);
    String[] lower = new String[keys.length];
    for (int w = 0; w < keys.length; w++) {
      lower[w] = keys[w][0];
      this.keys.addAll(List.of(keys[w]));
    }
    int anchor = anchor(lower);
    for (String k : keys[anchor]) {
      if (k.equals(lower[anchor]) || rank(k) == 0) {
        prefixes.add(prefix(k));
      }
    }
    Pattern p = new Pattern(issue, sharers, written, keys);
    if (keys.length == 1) {
      for (String k : keys[0]) {
        Pattern other = singles.putIfAbsent(k, p);
        if (other != null && other.issue() != issue) {
          throw new UserException(source + ": issue '" + ids[issue] + "': term '" + written + "' has the same "
              + "lemma ('" + k + "') as term '" + other.written() + "' of issue '" + ids[other.issue()]
              + "': a term belongs to one issue");
        }
        if (other != null) {
          mergeSharers(other, p);
        }
      }
    } else {
      for (String k : keys[0]) {
        List<Pattern> same = phrasesByFirst.computeIfAbsent(k, x -> new ArrayList<>());
        same.stream().filter(q -> q.issue() == issue && Arrays.deepEquals(q.keys(), keys))
            .forEach(q -> mergeSharers(q, p));
        same.add(p);
      }
    }
  }

  /**
   * Hyphens between letters to spaces, possessive 's dropped: applied to text and terms alike. One pass by hand: as
   * the two regular expressions {@code (?<=\p{L})-(?=\p{L})} → space, then {@code (?<=\p{L})['’]s\b} → nothing, it
   * took 15-20 % of stage issues' matching time (IssueMatcherTest compares both on the gold set and random text).
   * The word boundary is Java 17's, the project's JVM: a letter, digit, '_' or combining mark continues a word (from
   * Java 19 on, {@code \b} sees ASCII word characters only, so the expressions' output depended on the JDK).
   */
  static String normalise(String text) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' && letterBefore(text, i) && i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1))) {
        out = (out == null ? new StringBuilder(text.length()) : out).append(text, copied, i).append(' ');
        copied = i + 1;
      } else if ((c == '\'' || c == '’') && i + 1 < text.length() && text.charAt(i + 1) == 's'
          && letterBefore(text, i) && !wordAt(text, i + 2)) {
        out = (out == null ? new StringBuilder(text.length()) : out).append(text, copied, i);
        copied = i + 2;
        i++;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** A letter just before: one UTF-16 unit, as the expressions' look-behind saw it (a surrogate pair is no letter). */
  private static boolean letterBefore(String text, int i) {
    return i > 0 && Character.isLetter(text.charAt(i - 1));
  }

  /** Whether a word character follows, as Java 17's {@code \b} after a letter sees it. */
  private static boolean wordAt(String text, int i) {
    if (i >= text.length()) {
      return false;
    }
    int c = text.codePointAt(i);
    return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** Regular English plurals of a word: +s, +es, and y → ies after a consonant. */
  static List<String> plurals(String w) {
    List<String> out = new ArrayList<>(List.of(w + "s", w + "es"));
    if (w.length() > 1 && w.endsWith("y") && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
      out.add(w.substring(0, w.length() - 1) + "ies");
    }
    return out;
  }

  /**
   * Words so common in Internet-governance speech that a phrase's other words select better: a phrase is a candidate
   * through its anchor, its longest word not listed here (its longest word when all are).
   */
  private static final Set<String> COMMON = Set.of("internet", "digital", "data", "online", "public", "right",
      "human", "policy", "access", "network", "national", "regional", "open", "free", "freedom", "information",
      "security", "content", "service", "system", "technology", "development", "global", "community", "country",
      "people", "person", "generation", "group", "model", "process", "economy", "infrastructure", "management",
      "platform", "young", "child", "energy", "mobile", "social", "local", "government", "work", "approach",
      "agenda", "forum", "point", "number", "address", "name", "domain", "space", "user", "get", "next", "last",
      "small", "build", "capacity", "share", "flow", "trust", "design", "safety", "protection", "integrity",
      "speech", "expression", "traffic", "election", "electoral", "democratic", "language", "format", "good", "igf",
      "moderator", "remove", "removal", "fair", "start");

  /** Function words: never a phrase's anchor when it has another word. */
  private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with",
      "by", "from", "at", "as", "be", "up");

  /** 2 for a function word, 1 for a common word of the field, 0 for any other. */
  private static int rank(String word) {
    return STOP.contains(word) ? 2 : COMMON.contains(word) ? 1 : 0;
  }

  /** The index of a term's anchor word (see {@link #COMMON}); only letters-and-digits words are anchors. */
  static int anchor(String[] lower) {
    int best = -1;
    for (int w = 0; w < lower.length; w++) {
      if (!lower[w].chars().anyMatch(Character::isLetterOrDigit)) {
        continue;
      }
      if (best < 0 || rank(lower[w]) < rank(lower[best])
          || (rank(lower[w]) == rank(lower[best]) && lower[w].length() > lower[best].length())) {
        best = w;
      }
    }
    return Math.max(best, 0);
  }

  String prefix(String lower) {
    return lower.length() <= prefixLength ? lower : lower.substring(0, prefixLength);
  }

  /** Whether a sentence's words hold a candidate for a match (the prefilter, on lower-case words). */
  boolean hasCandidate(String[] lower) {
    for (String w : lower) {
      if (prefixes.contains(prefix(w))) {
        return true;
      }
    }
    return false;
  }

  /** What a sentence needs before {@link #matches}: nothing (it cannot match), its lower-case words, or its lemmas. */
  enum Need { NOTHING, LOWER_CASE, LEMMAS }

  /**
   * What a sentence needs, from what the lemmatizer could make of it. {@link #matches} finds a term or phrase only
   * where a token's lower-case form or lemma equals a key, and a token's lemma is always one of
   * {@link Lemmas#possibleLemmas}; so the places where a term or phrase can match at all are known before
   * lemmatizing: a token with a possible key of a term, or consecutive tokens each with a possible key of a phrase's
   * word at that place. Cheap: a token's possible keys are computed once per distinct token.
   * <ul>
   *   <li>No such place for a term or phrase (phrases to ignore aside, which count for nothing): no match whatever the
   *   lemmas, {@link Need#NOTHING}.
   *   <li>At every such place, including phrases to ignore, each token's lower-case form is already a key of the
   *   word there (and of some term, for a term's place): the lemmas can add no match, and change no choice between
   *   phrases, since a phrase found through a token's lemma is found through its lower-case form too, in the same
   *   order. {@link Need#LOWER_CASE}: matched with the lower-case words as lemmas.
   *   <li>Otherwise {@link Need#LEMMAS}.
   * </ul>
   *
   * @param lower the tokens in lower case, which the caller has already
   */
  Need need(String[] tokens, String[] lower) {
    String[][] possible = new String[tokens.length][];
    boolean any = false;
    for (int i = 0; i < tokens.length; i++) {
      possible[i] = possibleKeys(tokens[i]);
      any |= possible[i].length > 0;
    }
    if (!any) {
      return Need.NOTHING;
    }
    boolean match = false;
    boolean throughLemma = false;
    for (int i = 0; i < tokens.length && !(match && throughLemma); i++) {
      for (String k : possible[i]) {
        if (singles.containsKey(k)) {
          match = true;
          throughLemma |= !singles.containsKey(lower[i]);
        }
        for (Pattern p : phrasesByFirst.getOrDefault(k, List.of())) {
          if (canBeAt(p, possible, i)) {
            match = true;
            throughLemma |= !lowerCaseAt(p, lower, i);
          }
        }
        for (Pattern p : ignoredByFirst.getOrDefault(k, List.of())) {
          throughLemma |= canBeAt(p, possible, i) && !lowerCaseAt(p, lower, i);
        }
      }
    }
    return !match ? Need.NOTHING : throughLemma ? Need.LEMMAS : Need.LOWER_CASE;
  }

  /** Whether each word of {@code p} from {@code start} on has the token's lower-case form as a key. */
  private static boolean lowerCaseAt(Pattern p, String[] lower, int start) {
    for (int w = 0; w < p.keys().length; w++) {
      if (!List.of(p.keys()[w]).contains(lower[start + w])) {
        return false;
      }
    }
    return true;
  }

  private static boolean canBeAt(Pattern p, String[][] possible, int start) {
    if (start + p.keys().length > possible.length) {
      return false;
    }
    for (int w = 1; w < p.keys().length; w++) {
      if (!anyOf(possible[start + w], p.keys()[w])) {
        return false;
      }
    }
    return true;
  }

  /** Whether some string of {@code a} is in {@code b} (a token's few possible keys against a word's few keys). */
  private static boolean anyOf(String[] a, String[] b) {
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String[] NONE = {};

  /** The match keys {@code token}'s lower-case form or any of its possible lemmas equals; cached per token. */
  String[] possibleKeys(String token) {
    java.util.concurrent.ConcurrentHashMap<String, String[]> cache = tokenKeys;
    if (cache == null) {
      synchronized (this) {
        if (tokenKeys == null) {
          tokenKeys = new java.util.concurrent.ConcurrentHashMap<>();
        }
        cache = tokenKeys;
      }
    }
    String[] found = cache.get(token);
    if (found == null) {
      Set<String> k = Lemmas.possibleLemmas(token);
      k.retainAll(keys);
      found = k.isEmpty() ? NONE : k.toArray(String[]::new);
      if (cache.size() > MAX_CACHED_TOKENS) {
        cache.clear();
      }
      cache.put(token, found);
    }
    return found;
  }

  /** Distinct tokens whose possible keys are kept per JVM before the cache starts over (a few hundred bytes each). */
  private static final int MAX_CACHED_TOKENS = 500_000;

  /**
   * What one sentence gave: whether it was tagged and lemmatized ({@link Need#LEMMAS}), the terms found in it, and the
   * issues the classifier assigned it to (positions in the taxonomy).
   */
  record SentenceMatch(boolean lemmatized, List<Pattern> found, int[] classified) {}

  private static final int[] NO_ISSUE = new int[0];

  /** The issues {@code text} mentions. */
  public Result match(String text) {
    return match(text, null);
  }

  /**
   * The issues {@code text} mentions, reusing what sentences already matched gave: a sentence's matches depend on the
   * sentence alone (it is tagged and lemmatized on its own), so a document and its turns, which share most sentences,
   * are lemmatized once.
   *
   * @param seen sentences matched before and what they gave, filled with this text's; null to keep none
   */
  Result match(String text, Map<String, SentenceMatch> seen) {
    Map<Integer, long[]> counts = new TreeMap<>();
    Map<Integer, Set<String>> terms = new TreeMap<>();
    int sentences = 0;
    int lemmatized = 0;
    int matched = 0;
    if (text != null && !text.isBlank()) {
      for (String sentence : Lemmas.sentences(normalise(text))) {
        sentences++;
        SentenceMatch m = seen == null ? null : seen.get(sentence);
        if (m == null) {
          m = matchSentence(sentence);
          if (seen != null) {
            seen.put(sentence, m);
          }
        }
        lemmatized += m.lemmatized() ? 1 : 0;
        matched += m.found().isEmpty() ? 0 : 1;
        for (Pattern p : m.found()) {
          count(counts, terms, p.issue(), p);
          for (int sharer : p.sharers()) {
            count(counts, terms, sharer, p);
          }
        }
        for (int issue : m.classified()) {
          counts.computeIfAbsent(issue, x -> new long[2])[1]++;
        }
      }
    }
    Map<String, Hit> hits = new LinkedHashMap<>();
    counts.forEach((i, c) -> hits.put(ids[i], new Hit(c[0], List.copyOf(terms.getOrDefault(i, Set.of())), c[1])));
    return new Result(hits, sentences, lemmatized, matched);
  }

  private static void count(Map<Integer, long[]> counts, Map<Integer, Set<String>> terms, int issue, Pattern p) {
    counts.computeIfAbsent(issue, x -> new long[2])[0]++;
    terms.computeIfAbsent(issue, x -> new LinkedHashSet<>()).add(p.written());
  }

  private SentenceMatch matchSentence(String sentence) {
    String[] tokens = Lemmas.tokens(sentence);
    String[] lower = Lemmas.lower(tokens);
    Need need = !hasCandidate(lower) ? Need.NOTHING : exact ? need(tokens, lower) : Need.LEMMAS;
    int[] classified = classifier == null ? NO_ISSUE : classifier.classify(lower);
    return switch (need) {
      case NOTHING -> new SentenceMatch(false, List.of(), classified);
      case LOWER_CASE -> new SentenceMatch(false, matches(lower, lower), classified);
      case LEMMAS -> new SentenceMatch(true, matches(lower, Lemmas.lemmas(tokens)), classified);
    };
  }

  /**
   * Every term and phrase occurrence in one sentence: the phrases to ignore take their words first, then phrases
   * (longest at each position), then terms.
   */
  List<Pattern> matches(String[] lower, String[] lemmas) {
    boolean[] used = new boolean[lower.length];
    longestPhrases(ignoredByFirst, lower, lemmas, used);
    List<Pattern> found = longestPhrases(phrasesByFirst, lower, lemmas, used);
    for (int i = 0; i < lower.length; i++) {
      if (!used[i]) {
        Pattern p = singles.get(lower[i]);
        if (p == null) {
          p = singles.get(lemmas[i]);
        }
        if (p != null) {
          found.add(p);
        }
      }
    }
    return found;
  }

  /** From left to right, the longest phrase of {@code byFirst} at each position of words not yet used; marks them. */
  private static List<Pattern> longestPhrases(Map<String, List<Pattern>> byFirst, String[] lower, String[] lemmas,
      boolean[] used) {
    List<Pattern> found = new ArrayList<>();
    for (int i = 0; i < lower.length; i++) {
      Pattern best = null;
      for (String k : lower[i].equals(lemmas[i]) ? new String[] {lower[i]} : new String[] {lower[i], lemmas[i]}) {
        for (Pattern p : byFirst.getOrDefault(k, List.of())) {
          if ((best == null || p.keys().length > best.keys().length) && at(p, lower, lemmas, i, used)) {
            best = p;
          }
        }
      }
      if (best != null) {
        found.add(best);
        for (int w = 0; w < best.keys().length; w++) {
          used[i + w] = true;
        }
        i += best.keys().length - 1;
      }
    }
    return found;
  }

  private static boolean at(Pattern p, String[] lower, String[] lemmas, int start, boolean[] used) {
    if (start + p.keys().length > lower.length) {
      return false;
    }
    for (int w = 0; w < p.keys().length; w++) {
      if (used[start + w] || !matchesWord(p.keys()[w], lower[start + w], lemmas[start + w])) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesWord(String[] keys, String lower, String lemma) {
    for (String k : keys) {
      if (k.equals(lower) || k.equals(lemma)) {
        return true;
      }
    }
    return false;
  }
}
