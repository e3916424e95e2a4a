package org.opennessobservatory.recommendations;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passage retrieval for the recommendations, one document at a time. A window is evidence for a recommendation when
 * it contains one of its phrases, or at least {@link #MIN_TERMS} distinct query words with BM25 ≥ {@link #MIN_BM25}.
 * Its score is BM25 + {@link #PHRASE_WEIGHT} × phrases matched. Per document and recommendation the best windows
 * that share no sentence are kept, at most {@link #PER_DOCUMENT}.
 */
public record Retriever(RecommendationRegistry registry, CueLexicon cues, Bm25 bm25) implements Serializable {
  public static final int MIN_TERMS = 3;
  public static final double MIN_BM25 = 4.0;
  public static final double PHRASE_WEIGHT = 2.0;
  public static final int PER_DOCUMENT = 3;

  /** One piece of evidence found in a document. */
  public record Hit(String recommendationId, String topic, int start, int end, String passage, double score,
      double bm25, List<String> phrases, String cue, String cueClass, String method) {}

  /** The query words of a recommendation: its terms and the words of its phrases, stemmed, without stop words. */
  public static Set<String> query(RecommendationRegistry.Recommendation r) {
    Set<String> q = new LinkedHashSet<>();
    r.terms().forEach(t -> q.addAll(Text.terms(t)));
    r.phrases().forEach(p -> q.addAll(Text.terms(p)));
    return q;
  }

  /** Every query word of the registry: the only words whose passage frequencies are counted. */
  public static Set<String> vocabulary(RecommendationRegistry registry) {
    Set<String> v = new LinkedHashSet<>();
    registry.recommendations().forEach(r -> v.addAll(query(r)));
    return v;
  }

  /** A document's windows, and per window its words, its content words' frequencies and their number. */
  record Windows(List<Passages.Passage> passages, List<List<String>> words, List<Map<String, Integer>> tfs,
      List<Integer> lengths) {}

  static Windows windows(String text) {
    List<Passages.Passage> windows = Passages.of(text);
    List<List<String>> words = new ArrayList<>();
    List<Map<String, Integer>> tfs = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (Passages.Passage w : windows) {
      List<String> ws = Text.words(w.text());
      words.add(ws);
      Map<String, Integer> tf = new HashMap<>();
      int length = 0;
      for (String t : ws) {
        if (!Text.STOPWORDS.contains(t)) {
          tf.merge(t, 1, Integer::sum);
          length++;
        }
      }
      tfs.add(tf);
      lengths.add(length);
    }
    return new Windows(windows, words, tfs, lengths);
  }

  public List<Hit> search(String text) {
    Windows all = windows(text);
    List<Passages.Passage> windows = all.passages();
    List<List<String>> words = all.words();
    List<Map<String, Integer>> tfs = all.tfs();
    List<Integer> lengths = all.lengths();
    // Per recommendation, the windows holding some of its query words and how many, found from the windows' words
    // rather than the queries': most windows share no word with a recommendation's query and are passed over at
    // once. Kept sparse, as (window, count) in window order: a long document has tens of thousands of windows.
    List<RecommendationRegistry.Recommendation> recommendations = registry.recommendations();
    List<Set<String>> queries = recommendations.stream().map(Retriever::query).toList();
    Map<String, List<Integer>> queriesOf = new HashMap<>();
    for (int r = 0; r < queries.size(); r++) {
      for (String t : queries.get(r)) {
        queriesOf.computeIfAbsent(t, x -> new ArrayList<>()).add(r);
      }
    }
    List<List<int[]>> touched = new ArrayList<>();
    queries.forEach(q -> touched.add(new ArrayList<>()));
    int[] count = new int[queries.size()];
    List<Integer> now = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      for (String t : tfs.get(i).keySet()) {
        for (int r : queriesOf.getOrDefault(t, List.of())) {
          if (count[r]++ == 0) {
            now.add(r);
          }
        }
      }
      for (int r : now) {
        touched.get(r).add(new int[] {i, count[r]});
        count[r] = 0;
      }
      now.clear();
    }
    List<Hit> hits = new ArrayList<>();
    for (int ri = 0; ri < recommendations.size(); ri++) {
      RecommendationRegistry.Recommendation r = recommendations.get(ri);
      Set<String> q = queries.get(ri);
      // Each phrase's words once per document; a window lacking one of a phrase's content words (all of them query
      // words; the registry refuses a phrase of stop words alone) cannot hold the phrase, so it is not searched.
      List<List<String>> phraseWords = r.phrases().stream().map(Text::words).toList();
      List<List<String>> phraseTerms = phraseWords.stream()
          .map(ws -> ws.stream().filter(t -> !Text.STOPWORDS.contains(t)).toList()).toList();
      List<int[]> looked = touched.get(ri);
      List<Object[]> candidates = new ArrayList<>();
      for (int[] window : looked) {
        int i = window[0];
        int matched = window[1];
        Map<String, Integer> tf = tfs.get(i);
        List<String> phrases = new ArrayList<>();
        for (int p = 0; p < phraseWords.size(); p++) {
          if (tf.keySet().containsAll(phraseTerms.get(p)) && Text.indexOf(words.get(i), phraseWords.get(p)) >= 0) {
            phrases.add(r.phrases().get(p));
          }
        }
        if (phrases.isEmpty() && matched < MIN_TERMS) {
          continue;
        }
        double b = bm25.score(q, tf, lengths.get(i));
        if (phrases.isEmpty() && b < MIN_BM25) {
          continue;
        }
        candidates.add(new Object[] {i, b + PHRASE_WEIGHT * phrases.size(), b, phrases});
      }
      candidates.sort(Comparator.comparingDouble((Object[] c) -> -(double) c[1]).thenComparingInt(c -> (int) c[0]));
      List<Passages.Passage> kept = new ArrayList<>();
      for (Object[] c : candidates) {
        Passages.Passage w = windows.get((int) c[0]);
        if (kept.size() >= PER_DOCUMENT
            || kept.stream().anyMatch(k -> k.first() <= w.last() && w.first() <= k.last())) {
          continue;
        }
        kept.add(w);
        @SuppressWarnings("unchecked")
        List<String> phrases = (List<String>) c[3];
        CueLexicon.Found cue = cues.classify(words.get((int) c[0]));
        hits.add(new Hit(r.id(), r.topic(), w.start(), w.end(), w.text(), (double) c[1], (double) c[2],
            List.copyOf(phrases), cue.cue(), cue.cueClass(), phrases.isEmpty() ? "bm25" : "bm25+phrase"));
      }
    }
    return hits;
  }
}
