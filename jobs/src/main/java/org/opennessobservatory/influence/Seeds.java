package org.opennessobservatory.influence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The seed pairs one n-gram of the inverted index yields: every occurrence in a contribution (the source) paired with
 * every occurrence in an outcome of the process, or in a contribution whose id sorts after the source's (each
 * contribution pair once). An n-gram found in fewer than 2 documents pairs nothing; one found in more than
 * maxDocumentFrequency documents is common phrasing and is left out. Within a document only the first
 * {@link #MAX_OCCURRENCES} occurrences of an n-gram seed: together the two rules bound an n-gram's seeds by
 * (maxDocumentFrequency × MAX_OCCURRENCES)², where a text repeating one phrase (a running header on every page, a
 * word typed a million times) would otherwise pair every occurrence with every other.
 *
 * <p>Stage links uses it too, with the regional, national and youth documents as contributions and the global ones as
 * outcomes, and without contribution pairs.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * Occurrences of one n-gram per document that seed. A passage reused at a later occurrence is still found: its
   * other n-grams, which do not repeat, seed it, and alignment extends over the repeated words.
   */
  static final int MAX_OCCURRENCES = 16;

  public static final StructType SEED = new StructType().add("process_id", DataTypes.StringType, false)
      .add("gram", DataTypes.LongType, false).add("source_doc_id", DataTypes.StringType, false)
      .add("s_idx", DataTypes.IntegerType, false).add("dfc", DataTypes.LongType, false)
      .add("target_doc_id", DataTypes.StringType, false).add("target_type", DataTypes.StringType, false)
      .add("t_idx", DataTypes.IntegerType, false);

  /**
   * @param postings the n-gram's occurrences as (doc_id, doc_type, idx) rows
   * @param contributionPairs whether a contribution is paired with later contributions too, or with outcomes only
   * @return rows of {@link #SEED}: the seed's dfc is the number of contributions holding the n-gram
   */
  public static List<Row> of(String process, long gram, List<Row> postings, int maxDocumentFrequency,
      boolean contributionPairs) {
    Set<String> docs = new HashSet<>();
    Set<String> contributions = new HashSet<>();
    for (Row p : postings) {
      docs.add(p.getString(0));
      if (InfluenceStage.CONTRIBUTION.equals(p.getString(1))) {
        contributions.add(p.getString(0));
      }
    }
    List<Row> out = new ArrayList<>();
    if (docs.size() < 2 || docs.size() > maxDocumentFrequency) {
      return out;
    }
    long dfc = contributions.size();
    List<Row> kept = firstOccurrences(postings);
    for (Row c : kept) {
      if (!InfluenceStage.CONTRIBUTION.equals(c.getString(1))) {
        continue;
      }
      for (Row t : kept) {
        boolean outcome = InfluenceStage.OUTCOME.equals(t.getString(1));
        boolean laterContribution = contributionPairs && InfluenceStage.CONTRIBUTION.equals(t.getString(1))
            && t.getString(0).compareTo(c.getString(0)) > 0;
        if (outcome || laterContribution) {
          out.add(RowFactory.create(process, gram, c.getString(0), c.getInt(2), dfc, t.getString(0),
              t.getString(1), t.getInt(2)));
        }
      }
    }
    return out;
  }

  /** Each document's first MAX_OCCURRENCES occurrences, by position: the same whatever order the index collected. */
  private static List<Row> firstOccurrences(List<Row> postings) {
    Map<String, List<Row>> byDoc = new HashMap<>();
    for (Row p : postings) {
      byDoc.computeIfAbsent(p.getString(0), d -> new ArrayList<>()).add(p);
    }
    List<Row> kept = new ArrayList<>(postings.size());
    for (List<Row> occurrences : byDoc.values()) {
      if (occurrences.size() > MAX_OCCURRENCES) {
        occurrences.sort(Comparator.comparingInt(r -> r.getInt(2)));
        kept.addAll(occurrences.subList(0, MAX_OCCURRENCES));
      } else {
        kept.addAll(occurrences);
      }
    }
    return kept;
  }
}
