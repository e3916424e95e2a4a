package org.opennessobservatory.speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.schema.Schemas;

/**
 * A person profile as one row: the person key, the speakers row (schemas/speakers.json order), and the person's
 * stakeholder group year by year — with a null year for the group at their latest appearance, which turns without a
 * year take.
 */
final class SpeakerRows {
  private SpeakerRows() {}

  private static final StructType YEAR = new StructType().add("year", DataTypes.IntegerType)
      .add("group", DataTypes.StringType, false).add("source", DataTypes.StringType, false);

  static final StructType PROFILE = new StructType().add("person_key", DataTypes.StringType, false)
      .add("speaker", Schemas.load(ResolveStage.SPEAKERS), false)
      .add("years", DataTypes.createArrayType(YEAR, false), false);

  static Row profile(PersonProfile p) {
    return RowFactory.create(p.personKey(), speaker(p), years(p).toArray(Row[]::new));
  }

  private static Row speaker(PersonProfile p) {
    Row[] matches = p.candidates().stream().map(c -> RowFactory.create(ResolveStage.personIdOf(c.personKey()),
        c.method(), c.score())).toArray(Row[]::new);
    return RowFactory.create(ResolveStage.personIdOf(p.personKey()), p.displayName(),
        p.aliasesSeen().toArray(String[]::new), p.organisation(), p.organisationSource(), p.group().group(),
        p.group().source(), p.gender(), p.genderSource(), p.country(), p.region(), p.firstSeenForum(),
        p.firstSeenYear(), p.documents().toArray(String[]::new), (long) p.documents().size(), p.turns(), p.words(),
        p.resolutionMethod(), p.confidence(), matches);
  }

  private static List<Row> years(PersonProfile p) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, PersonProfile.Group> e : p.byYear().entrySet()) {
      rows.add(RowFactory.create(e.getKey(), e.getValue().group(), e.getValue().source()));
    }
    rows.add(RowFactory.create(null, p.group().group(), p.group().source()));
    return rows;
  }
}
