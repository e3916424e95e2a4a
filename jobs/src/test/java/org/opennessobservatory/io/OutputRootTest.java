package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputRootTest {
  @Test
  void aNewRunStartsWithoutTheManifestStagingOrDatasetsOfTheLastButKeepsForeignFiles(@TempDir Path root)
      throws Exception {
    Files.writeString(root.resolve("_run.json"), "{}");
    Files.writeString(root.resolve("_run.json.partial"), "{");
    Files.createDirectories(root.resolve("_staging/utterances/forum=igf"));
    Files.createDirectories(root.resolve("documents/forum=igf/year=2023"));
    Files.writeString(root.resolve("documents/_SUCCESS"), "");
    Files.createDirectories(root.resolve("speakers"));
    Files.createDirectories(root.resolve("my-notes"));
    Files.writeString(root.resolve("README.txt"), "mine");

    OutputRoot.prepare(root.toString(), new Configuration());

    try (Stream<Path> left = Files.list(root)) {
      assertEquals(java.util.List.of("README.txt", "my-notes"),
          left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList());
    }
  }

  @Test
  void aMissingRootIsFine(@TempDir Path dir) {
    OutputRoot.prepare(dir.resolve("not-yet").toString(), new Configuration());
  }
}
