package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The two steps stage influence and stage links share after their inverted index: the candidate pairs from the
 * seeds, and the alignment of each pair.
 */
public final class PairAligner {
  private PairAligner() {}

  /**
   * The seeds ({@link Seeds#SEED}) grouped by {@code keys} (which hold source_doc_id and target_doc_id) into pairs,
   * each with its seeds as a list of (s_idx, t_idx, dfc) and shared_ngrams, the distinct n-grams among them; only
   * pairs with at least {@code minSeeds}. The n-grams are counted by {@code collect_set}, an ordinary aggregate that
   * runs in the same pass as the {@code collect_list}: a {@code countDistinct} makes Spark plan a distinct
   * aggregation, which first aggregates the seeds by pair and n-gram, then by pair.
   */
  public static Dataset<Row> candidatePairs(Dataset<Row> seeds, int minSeeds, String... keys) {
    return seeds.groupBy(keys[0], Arrays.copyOfRange(keys, 1, keys.length))
        .agg(collect_list(struct(col("s_idx"), col("t_idx"), col("dfc"))).as("seeds"),
            size(collect_set(col("gram"))).cast(DataTypes.LongType).as("shared_ngrams"))
        .filter(col("shared_ngrams").geq(minSeeds));
  }

  /** A passage of an aligned pair as the stage's output row, or null when the stage keeps no row of it. */
  @FunctionalInterface
  public interface PassageRow extends Serializable {
    Row of(Row pair, Alignment.Passage passage);
  }

  /**
   * Words one partition keeps cut (summed over its documents; a cut word costs some 80 bytes of heap): enough for the
   * documents of a few hundred pairs, while two tasks at once stay within a small heap however long the texts.
   */
  static final long CACHED_WORDS = 2_000_000;

  /**
   * Aligns each pair of a partition (rows with source_doc_id, target_doc_id, seeds as {@link #candidatePairs} makes
   * them, s_text and t_text) into the rows {@code out} makes of its passages. A document's words are cut once per
   * partition while they stay in the cache, not once per pair it is in: the pairs usually reach here from a
   * sort-merge join on the target, so a partition's pairs come target by target, and a source is in pairs with many
   * targets. The least recently used documents leave the cache first.
   */
  public static MapPartitionsFunction<Row, Row> aligner(Alignment.Config config, PassageRow out) {
    return rows -> {
      Words words = new Words(CACHED_WORDS);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
          .flatMap(r -> {
            List<Alignment.Seed> seeds = new ArrayList<>();
            for (Row s : r.<Row>getList(r.fieldIndex("seeds"))) {
              seeds.add(new Alignment.Seed(s.getInt(0), s.getInt(1), (int) s.getLong(2)));
            }
            List<ReuseNgrams.Word> s = words.of(r.getAs("source_doc_id"), r.getAs("s_text"));
            List<ReuseNgrams.Word> t = words.of(r.getAs("target_doc_id"), r.getAs("t_text"));
            return Alignment.align(s, t, seeds, config).stream().map(p -> out.of(r, p)).filter(Objects::nonNull);
          }).iterator();
    };
  }

  /** Cut words by document id, the least recently used first out when they hold more than a budget of words. */
  static final class Words {
    private final LinkedHashMap<String, List<ReuseNgrams.Word>> byDocument = new LinkedHashMap<>(64, 0.75f, true);
    private final long budget;
    private long held;

    Words(long budget) {
      this.budget = budget;
    }

    List<ReuseNgrams.Word> of(String docId, String text) {
      List<ReuseNgrams.Word> w = byDocument.get(docId);
      if (w == null) {
        w = ReuseNgrams.words(text);
        byDocument.put(docId, w);
        held += w.size();
        // Evict the least recently used, but never the two documents of the pair being aligned.
        Iterator<List<ReuseNgrams.Word>> oldest = byDocument.values().iterator();
        while (held > budget && byDocument.size() > 2) {
          held -= oldest.next().size();
          oldest.remove();
        }
      }
      return w;
    }

    /** The documents held, least recently used first. */
    List<String> documents() {
      return List.copyOf(byDocument.keySet());
    }
  }
}
