package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.Assertions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.Observatory;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * {@code observatory run} killed with SIGKILL (no shutdown hook runs) at several points leaves no run manifest and
 * no dataset that looks complete but is not: every dataset folder there is whole ({@code _SUCCESS}) and holds the
 * rows of an uninterrupted run. The next run then completes with the same rows. The runs are child JVMs over a
 * small slice of data-samples (two forums of 2023); the reference run is in this JVM, on other partitions.
 */
class CrashSafetyTest extends SparkTestBase {
  private static final List<String> FOLDERS = List.of("igf/2023", "eurodig/2023");

  @Test
  void aKilledRunLeavesOnlyWholeDatasetsAndNoManifestAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
    Path corpus = slice(dir.resolve("corpus"));
    Path reference = dir.resolve("reference");
    var ref = CliRunner.observatory("run", "--corpus", corpus.toString(), "--out", reference.toString());
    assertEquals(0, ref.exit(), ref.err());

    // A finished run is there; the new run is killed while it writes its first dataset.
    Path out = dir.resolve("out");
    copy(reference, out);
    killWhen(out, o -> Files.isDirectory(o.resolve("_staging/documents")), "local[1]");
    assertOnlyWholeDatasets(reference, out);
    Assertions.assertTrue(Set.of("documents", "rejects").containsAll(OutputComparison.datasets(out)),
        "the previous run's later datasets are gone: " + OutputComparison.datasets(out));

    // Killed again in a later stage, once stage resolve's speakers are in place.
    killWhen(out, o -> Files.isDirectory(o.resolve("speakers")), "local[2]");
    assertOnlyWholeDatasets(reference, out);
    Assertions.assertTrue(OutputComparison.datasets(out).contains("speakers"));

    Process last = child(out, "local[1]");
    Assertions.assertTrue(last.waitFor(10, TimeUnit.MINUTES), "the run after the kills finishes");
    assertEquals(0, last.exitValue(), Files.readString(out.resolveSibling("child.log")));
    Assertions.assertTrue(Files.exists(out.resolve(RunManifest.FILE)));
    assertFalse(Files.exists(out.resolve(DatasetWriter.STAGING)));
    assertEquals(OutputComparison.datasets(reference), OutputComparison.datasets(out));
    assertEquals(List.of(), OutputComparison.differences(spark(), reference, out));
  }

  private void assertOnlyWholeDatasets(Path reference, Path out) {
    assertFalse(Files.exists(out.resolve(RunManifest.FILE)), "no manifest: the run did not finish");
    for (String name : OutputComparison.datasets(out)) {
      Assertions.assertTrue(Files.exists(out.resolve(name).resolve(DatasetWriter.SUCCESS)), name + " has _SUCCESS");
      assertEquals(null, OutputComparison.difference(spark(), reference.resolve(name), out.resolve(name)), name);
    }
  }

  /** Starts a run into {@code out} and kills it (and its parse workers) with SIGKILL once {@code point} holds. */
  private static void killWhen(Path out, Predicate<Path> point, String master) throws Exception {
    Process run = child(out, master);
    while (!point.test(out)) {
      Assertions.assertTrue(run.isAlive(), "the run ended before the kill point: " + Files.readString(
          out.resolveSibling("child.log")));
      Thread.sleep(2);
    }
    List<ProcessHandle> workers = run.descendants().toList();
    run.destroyForcibly();
    Assertions.assertTrue(run.waitFor(1, TimeUnit.MINUTES));
    workers.forEach(ProcessHandle::destroyForcibly);
  }

  /** {@code observatory run} in a JVM of its own, with this JVM's module flags and class path. */
  private static Process child(Path out, String master) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-") || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Observatory.class.getName(),
        "run", "--corpus", out.resolveSibling("corpus").toString(), "--out", out.toString(), "--overwrite",
        "--master", master));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.resolveSibling("child.log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** The registry, and the documents of a few forum-years with their manifest rows. */
  private static Path slice(Path corpus) throws IOException {
    Path samples = TestPaths.samples();
    copy(samples.resolve("registry"), corpus.resolve("registry"));
    for (String folder : FOLDERS) {
      copy(samples.resolve(folder), corpus.resolve(folder));
    }
    List<String> manifest = Files.readAllLines(samples.resolve("manifest.csv"));
    List<String> kept = new ArrayList<>(List.of(manifest.get(0)));
    manifest.stream().skip(1).filter(l -> FOLDERS.stream().anyMatch(f -> l.startsWith(f + "/"))).forEach(kept::add);
    Files.write(corpus.resolve("manifest.csv"), kept);
    return corpus;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString().replace(File.separatorChar, '/'));
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
