package org.opennessobservatory.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The participation and diversity indicators of a {@link Tally}: one session's turns for session_indicators, a
 * forum-year's pooled turns for forum_year_indicators (the same definitions at both levels). Formulas and
 * denominators are in the schema files' descriptions; in short, shares of words and turns are over all of the
 * tally's words and turns, person attributes (gender, region, newcomer) over the persons or words whose attribute is
 * known, with the coverage beside them. An indicator with an empty denominator is null, never 0.
 */
public final class SessionIndicators {
  private SessionIndicators() {}

  public static final String WOMAN = "woman";

  /** The measure columns, in schema order, with their Spark types (longs for counts, doubles for shares). */
  public static final StructType FIELDS = fields();

  private static StructType fields() {
    List<StructField> f = new ArrayList<>();
    for (String c : List.of("turns", "speakers", "unknown_turns", "words")) {
      f.add(DataTypes.createStructField(c, DataTypes.LongType, false));
    }
    List<String> shares = new ArrayList<>(List.of("attributed_word_share"));
    Tally.GROUPS.forEach(g -> shares.add("word_share_" + g));
    Tally.GROUPS.forEach(g -> shares.add("turn_share_" + g));
    shares.addAll(List.of("women_speaker_share", "women_word_share", "gender_coverage"));
    GlobalSouth.UN_REGIONS.forEach(r -> shares.add("region_word_share_" + r));
    shares.addAll(List.of("global_south_word_share", "region_coverage", "gini_words", "hhi_groups",
        "entropy_groups", "top_speaker_share", "chair_word_share", "audience_turn_share", "audience_word_share",
        "remote_turn_share", "remote_word_share"));
    shares.forEach(c -> f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true)));
    f.add(DataTypes.createStructField("floor_questions", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("newcomer_speaker_share", DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField("newcomer_word_share", DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField("dissent_markers", DataTypes.LongType, false));
    for (DissentKind kind : DissentKind.values()) {
      f.add(DataTypes.createStructField(dissentColumn(kind), DataTypes.LongType, false));
    }
    f.add(DataTypes.createStructField("dissent_markers_per_10k_words", DataTypes.DoubleType, true));
    return new StructType(f.toArray(StructField[]::new));
  }

  /** The indicators by column name, in the order of {@link #FIELDS}; null where undefined. */
  public static Map<String, Object> of(Tally t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("turns", t.turns);
    m.put("speakers", (long) t.persons.size());
    m.put("unknown_turns", t.unknownTurns);
    m.put("words", t.words);
    m.put("attributed_word_share", ratio(t.attributedWords, t.words));
    for (int g = 0; g < Tally.GROUPS.size(); g++) {
      m.put("word_share_" + Tally.GROUPS.get(g), ratio(t.groupWords[g], t.words));
    }
    for (int g = 0; g < Tally.GROUPS.size(); g++) {
      m.put("turn_share_" + Tally.GROUPS.get(g), ratio(t.groupTurns[g], t.turns));
    }

    long genderKnown = 0;
    long women = 0;
    long genderKnownWords = 0;
    long womenWords = 0;
    long regionKnownWords = 0;
    long newcomerKnown = 0;
    long newcomers = 0;
    long newcomerKnownWords = 0;
    long newcomerWords = 0;
    Map<String, Long> byRegion = new HashMap<>();
    double[] personWords = new double[t.persons.size()];
    int i = 0;
    for (Tally.Person p : t.persons.values()) {
      personWords[i++] = p.words;
      if (p.gender != null) {
        genderKnown++;
        genderKnownWords += p.words;
        if (WOMAN.equals(p.gender)) {
          women++;
          womenWords += p.words;
        }
      }
      if (p.unRegion != null) {
        regionKnownWords += p.words;
        byRegion.merge(p.unRegion, p.words, Long::sum);
      }
      if (p.newcomer != null) {
        newcomerKnown++;
        newcomerKnownWords += p.words;
        if (p.newcomer) {
          newcomers++;
          newcomerWords += p.words;
        }
      }
    }
    m.put("women_speaker_share", ratio(women, genderKnown));
    m.put("women_word_share", ratio(womenWords, genderKnownWords));
    m.put("gender_coverage", ratio(genderKnownWords, t.attributedWords));
    Optional<Shares> regions = Shares.of(byRegion, GlobalSouth.UN_REGIONS);
    GlobalSouth.UN_REGIONS.forEach(r -> m.put("region_word_share_" + r, regions.map(s -> s.get(r)).orElse(null)));
    m.put("global_south_word_share", boxed(GlobalSouth.DEFAULT.share(byRegion)));
    m.put("region_coverage", ratio(regionKnownWords, t.attributedWords));

    m.put("gini_words", boxed(Concentration.gini(personWords)));
    Map<String, Long> known = new HashMap<>();
    for (int g = 0; g < Tally.KNOWN_GROUPS.size(); g++) {
      known.put(Tally.KNOWN_GROUPS.get(g), t.groupWords[g]);
    }
    // Concentration across groups is over the seven groups a speaker can belong to: unknown is not a group, and
    // counting it as one would read a poorly attributed session as a diverse one.
    m.put("hhi_groups", boxed(Concentration.herfindahl(known.values().stream().mapToDouble(Long::doubleValue)
        .toArray())));
    m.put("entropy_groups", Shares.of(known, Tally.KNOWN_GROUPS).map(Concentration::entropy).orElse(null));
    m.put("top_speaker_share", boxed(Concentration.topShare(personWords)));

    m.put("chair_word_share", ratio(t.chairWords, t.words));
    m.put("audience_turn_share", ratio(t.audienceTurns, t.turns));
    m.put("audience_word_share", ratio(t.audienceWords, t.words));
    m.put("remote_turn_share", ratio(t.remoteTurns, t.turns));
    m.put("remote_word_share", ratio(t.remoteWords, t.words));
    m.put("floor_questions", t.floorQuestions);
    m.put("newcomer_speaker_share", ratio(newcomers, newcomerKnown));
    m.put("newcomer_word_share", ratio(newcomerWords, newcomerKnownWords));
    m.put("dissent_markers", t.dissentMarkers);
    for (DissentKind kind : DissentKind.values()) {
      m.put(dissentColumn(kind), t.dissentByKind[kind.ordinal()]);
    }
    m.put("dissent_markers_per_10k_words", t.words == 0 ? null : t.dissentMarkers * 10_000.0 / t.words);
    return m;
  }

  /** The column counting one kind of dissent marker: dissent_markers_disagreement and so on. */
  static String dissentColumn(DissentKind kind) {
    return "dissent_markers_" + kind.id();
  }

  /** part / whole, null when the whole is 0: nothing to measure is not a share of 0. */
  static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
