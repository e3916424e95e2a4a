package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.Assertions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.Observatory;
import org.opennessobservatory.privacy.PseudonymiseJob;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.NameScan;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * {@code observatory run} killed with SIGKILL (no shutdown hook runs) at several points leaves no run manifest and
 * no dataset that looks complete but is not: every dataset folder there is whole ({@code _SUCCESS}) and holds the
 * rows of an uninterrupted run. The next run, pseudonymised, then completes with the same rows (pseudonymised alike),
 * and at no moment of it is a dataset with real names in sight in the output root; none is left in any of its
 * outputs. The killed runs are child JVMs over data-samples on one or two cores; the run after them is made in this
 * JVM, whose compiled code it finds warm, watched from another thread (made in a third child JVM, it took the test
 * from 233 s to 305 s on two cores). The uninterrupted run they are held to is the shared demo run of this JVM
 * ({@link DemoRun}): at this size the stages' fixed costs rule, so a reference run of its own over a smaller slice
 * would cost nearly as much as the demo, which is made once for every test class. IncrementalRunTest holds runs on
 * other partitions to the demo's rows.
 */
class CrashSafetyTest extends SparkTestBase {
  private static final String KEY = "test key, not a secret: 32 bytes";

  @Test
  void aKilledRunLeavesOnlyWholeDatasetsAndNoManifestAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
    Path corpus = TestPaths.samples();
    var demo = DemoRun.run();
    assertEquals(0, demo.exit(), demo.err());
    Path reference = DemoRun.out();

    // A finished run is there; the new run is killed while it writes its first dataset.
    Path out = dir.resolve("out");
    copy(reference, out);
    killWhen(corpus, out, o -> Files.isDirectory(o.resolve("_staging/documents")), "local[1]");
    assertOnlyWholeDatasets(reference, out);
    Assertions.assertTrue(Set.of("documents", "rejects").containsAll(OutputComparison.datasets(out)),
        "the previous run's later datasets are gone: " + OutputComparison.datasets(out));

    // Killed again in a later stage, once stage resolve's speakers are in place.
    killWhen(corpus, out, o -> Files.isDirectory(o.resolve("speakers")), "local[2]");
    assertOnlyWholeDatasets(reference, out);
    Assertions.assertTrue(OutputComparison.datasets(out).contains("speakers"));

    // The run after the kills is pseudonymised (key from a file, no key table asked), and watched: while
    // it rewrites, the stages' plain datasets are in _staging and each dataset in sight holds no registry name, so a
    // kill at any of those moments leaves no dataset with real names that passes for part of the release.
    List<String> names = NameScan.registryNames();
    Assertions.assertFalse(NameScan.inDataset(spark(), reference, "speakers", names).isEmpty(),
        "the samples name persons");
    Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), KEY);
    CompletableFuture<CliRunner.Run> last = CompletableFuture.supplyAsync(() -> CliRunner.observatory("run",
        "--corpus", corpus.toString(), "--out", out.toString(), "--overwrite", "--pseudonymise",
        "--pseudonym-key-file", keyFile.toString(), "--quiet"));
    Path plain = Path.of(PseudonymiseJob.plainRoot(out.toString()));
    Set<String> seenDuringRewrite = new TreeSet<>();
    List<String> leaks = new ArrayList<>();
    try {
      while (!last.isDone()) {
        if (Files.isDirectory(plain)) {
          for (String name : OutputComparison.datasets(out)) {
            if (seenDuringRewrite.add(name)) {
              leaks.addAll(NameScan.inDataset(spark(), out, name, names));
            }
          }
        }
        Thread.sleep(2);
      }
    } finally {
      // A scan that failed must not leave the run writing beside the next test classes of this JVM.
      last.handle((run, e) -> run).join();
    }
    CliRunner.Run run = last.get();
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(List.of(), leaks, "names in sight during the rewrite");
    Assertions.assertFalse(seenDuringRewrite.isEmpty(), "datasets came into sight while the plain ones were staged");
    Assertions.assertTrue(Files.exists(out.resolve(RunManifest.FILE)));
    assertFalse(Files.exists(out.resolve(DatasetWriter.STAGING)), "the plain datasets are gone");
    // A dataset in sight is never written again by the run: those scanned during the rewrite need no second scan.
    for (String name : OutputComparison.datasets(out)) {
      if (!seenDuringRewrite.contains(name)) {
        leaks.addAll(NameScan.inDataset(spark(), out, name, names));
      }
    }
    assertEquals(List.of(), leaks, "no name in any dataset the notebooks read");
    assertEquals(List.of(), NameScan.inRunFiles(out, names), "no name in the report, codebook or run manifest");
    Assertions.assertTrue(run.out().contains("key table: not written"), run.out());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(f -> Files.isRegularFile(f) && isKeyTable(f)).toList(),
          "no key table anywhere");
    }

    // The same rows as the uninterrupted run, pseudonymised with the same key.
    Path pseudonymisedReference = dir.resolve("reference-pseudonymised");
    copy(reference, Path.of(PseudonymiseJob.plainRoot(pseudonymisedReference.toString())));
    PseudonymiseJob.run(spark(), corpus.toString(), PseudonymiseJob.plainRoot(pseudonymisedReference.toString()),
        pseudonymisedReference.toString(), KEY.getBytes(StandardCharsets.UTF_8), null,
        new DatasetWriter(spark(), pseudonymisedReference.toString()));
    assertEquals(OutputComparison.datasets(reference), OutputComparison.datasets(out));
    assertEquals(List.of(), OutputComparison.differences(spark(), pseudonymisedReference, out));
  }

  private static boolean isKeyTable(Path file) {
    try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
      return lines.findFirst().map(PseudonymiseJob.KEY_TABLE_HEADER::equals).orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertOnlyWholeDatasets(Path reference, Path out) {
    assertFalse(Files.exists(out.resolve(RunManifest.FILE)), "no manifest: the run did not finish");
    for (String name : OutputComparison.datasets(out)) {
      Assertions.assertTrue(Files.exists(out.resolve(name).resolve(DatasetWriter.SUCCESS)), name + " has _SUCCESS");
      assertEquals(null, OutputComparison.difference(spark(), reference.resolve(name), out.resolve(name)), name);
    }
  }

  /**
   * Starts a run of {@code corpus} into {@code out} and kills it (and its parse workers) with SIGKILL once
   * {@code point} holds.
   */
  private static void killWhen(Path corpus, Path out, Predicate<Path> point, String master) throws Exception {
    Process run = child(corpus, out, master);
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

  /** {@code observatory run} of {@code corpus} in a JVM of its own, with this JVM's module flags and class path. */
  private static Process child(Path corpus, Path out, String master) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-") || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || flag.startsWith("-Djdk.reflect") || flag.startsWith("-Dio.netty")) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Observatory.class.getName(),
        "run", "--corpus", corpus.toString(), "--out", out.toString(), "--overwrite",
        "--master", master));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.resolveSibling("child.log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
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
