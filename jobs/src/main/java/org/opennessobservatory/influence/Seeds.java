package org.opennessobservatory.influence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The seed pairs one n-gram of the inverted index yields: every occurrence in a contribution (the source) paired with
 * every occurrence in an outcome of the process, or in a contribution whose id sorts after the source's (each
 * contribution pair once). An n-gram found in fewer than 2 documents pairs nothing; one found in more than
 * maxDocumentFrequency documents is common phrasing and is left out, which bounds an n-gram's seeds.
 *
 * <p>Stage links uses it too, with the regional, national and youth documents as contributions and the global ones as
 * outcomes, and without contribution pairs.
 */
public final class Seeds {
  private Seeds() {}

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
    for (Row c : postings) {
      if (!InfluenceStage.CONTRIBUTION.equals(c.getString(1))) {
        continue;
      }
      for (Row t : postings) {
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
}
