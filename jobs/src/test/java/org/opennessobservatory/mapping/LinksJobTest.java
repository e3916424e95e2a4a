package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage links' I/O: the fixture of {@link LinksStageTest} written as the earlier stages' outputs, read back, linked. */
class LinksJobTest extends SparkTestBase {
  @TempDir
  Path tmp;

  @Test
  void readsTheEarlierStagesAndWritesForumLinks() {
    LinksStageTest fixture = new LinksStageTest();
    Path out = tmp.resolve("out");
    fixture.inputs(spark()).forEach((name, data) -> data.write().parquet(out.resolve(name).toString()));
    LinksJob.Summary s = LinksJob.run(spark(), out.toString(), LinksStageTest.CONFIG,
        new DatasetWriter(spark(), out.toString()));
    assertEquals(List.of(7L, 3L, 3L, 1L), List.of(s.rows(), s.persons(), s.issues(), s.reusedPassages()));
    Dataset<Row> written = spark().read().parquet(out.resolve(LinksStage.FORUM_LINKS).toString());
    assertEquals(7, written.count());
    Assertions.assertTrue(java.util.Set.of(written.columns())
        .equals(java.util.Set.of(Schemas.load(LinksStage.FORUM_LINKS).fieldNames())), List.of(written.columns()).toString());
    assertEquals(List.of("eurodig", "ukigf", "youthigf"), written.select("forum").distinct().orderBy("forum")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void aMissingInputIsAUserError() {
    UserException e = Assertions.assertThrows(UserException.class,
        () -> LinksJob.run(spark(), tmp.resolve("nothing").toString(), new DatasetWriter(spark(), tmp.toString())));
    Assertions.assertTrue(e.getMessage().contains("documents does not exist"), e.getMessage());
  }
}
