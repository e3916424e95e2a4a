package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.SparkTestBase;

/**
 * Two runs over the same input give the same rows in every dataset (the run manifest aside), even when the data is
 * cut into other partitions: the shared demo run against a second one with another number of shuffle partitions.
 */
class ReproducibilityTest extends SparkTestBase {
  @Test
  void twoDemoRunsGiveTheSameRows(@TempDir Path dir) {
    Path first = DemoRun.out();
    String partitions = spark().conf().get("spark.sql.shuffle.partitions");
    try {
      var second = CliRunner.observatory("demo", "--out", dir.resolve("out").toString(),
          "--conf", "spark.sql.shuffle.partitions=3");
      assertEquals(0, second.exit(), second.err());
    } finally {
      // The demo sets it on the shared session; later tests get back what they had.
      spark().conf().set("spark.sql.shuffle.partitions", partitions);
    }
    assertEquals(17, OutputComparison.datasets(first).size(), OutputComparison.datasets(first).toString());
    assertEquals(List.of(), OutputComparison.differences(spark(), first, dir.resolve("out")));
  }
}
