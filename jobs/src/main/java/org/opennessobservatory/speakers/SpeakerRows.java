package org.opennessobservatory.speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Person profiles as rows: a speakers row (schemas/speakers.json order), and the person's group year by year. */
final class SpeakerRows {
  private SpeakerRows() {}

  static Row speaker(PersonProfile p) {
    Row[] matches = p.candidates().stream().map(c -> RowFactory.create(ResolveStage.personIdOf(c.personKey()),
        c.method(), c.score())).toArray(Row[]::new);
    return RowFactory.create(ResolveStage.personIdOf(p.personKey()), p.displayName(),
        p.aliasesSeen().toArray(String[]::new), p.organisation(), p.organisationSource(), p.group().group(),
        p.group().source(), p.gender(), p.genderSource(), p.country(), p.region(), p.firstSeenForum(),
        p.firstSeenYear(), p.documents().toArray(String[]::new), (long) p.documents().size(), p.turns(), p.words(),
        p.resolutionMethod(), p.confidence(), matches);
  }

  static List<Row> years(PersonProfile p) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, PersonProfile.Group> e : p.byYear().entrySet()) {
      rows.add(RowFactory.create(p.personKey(), e.getKey(), e.getValue().group(), e.getValue().source()));
    }
    return rows;
  }
}
