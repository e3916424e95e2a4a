package org.opennessobservatory.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.indicators.ProcessEvents;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.testing.CliRunner;

class PseudonymKeyTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";

  @Test
  void theKeyComesFromAFileOrTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
    assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), PseudonymKey.resolve(file.toString(), Map.of()));
    assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, KEY)));
  }

  @Test
  void noKeyOrAShortOneIsAUserError() {
    assertEquals("--pseudonymise needs a secret key: set OBSERVATORY_PSEUDONYM_KEY or pass --pseudonym-key-file PATH",
        assertThrows(UserException.class, () -> PseudonymKey.resolve(null, Map.of())).getMessage());
    assertTrue(assertThrows(UserException.class, () -> PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV, "short")))
        .getMessage().startsWith("OBSERVATORY_PSEUDONYM_KEY holds 5 bytes"));
  }

  @Test
  void theCommandLineRefusesAKeyValueAndAKeyTableInsideTheOutput(@TempDir Path dir) {
    var run = CliRunner.observatory("demo", "--out", dir.resolve("out").toString(), "--pseudonymise",
        "--pseudonym-key", KEY);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("observatory: --pseudonym-key is refused"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    var inside = CliRunner.observatory("demo", "--out", dir.resolve("out").toString(), "--pseudonymise",
        "--pseudonym-table", dir.resolve("out/keys.csv").toString());
    assertEquals(2, inside.exit());
    assertTrue(inside.err().contains("is inside the output root"), inside.err());
  }

  @Test
  void anIncrementalStoreLeftInTheOutputRootRefusesAPseudonymisedRun(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path store = Files.createDirectories(out.resolve("_incremental"));
    Path key = Files.writeString(dir.resolve("key"), KEY);
    var run = CliRunner.observatory("demo", "--out", out.toString(), "--pseudonymise", "--pseudonym-key-file",
        key.toString(), "--quiet");
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains(store.getFileName() + " holds the original text of an earlier --incremental run"),
        run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(Files.exists(store), "the store is the user's to move or delete");
  }

  /** The stages write real names under _staging before the rewrite; a run that fails after them must not keep them. */
  @Test
  void aPseudonymisedRunThatFailsLeavesNoRealNames(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.createDirectories(corpus.resolve("igf/2023"));
    Files.writeString(corpus.resolve("igf/2023/open-mic.txt"), ">> ZELINDA QUARRINGTON: Good morning, I am Zelinda "
        + "Quarrington from the Open Hubs Network.\n>> CHAIR: Thank you. Next speaker, please.\n>> ZELINDA "
        + "QUARRINGTON: One more point on remote participation.\n");
    // A process-events forum spelt unlike the documents' fails the run at stage indicators, after ingest, segment
    // and resolve have written the transcript's names (the registry tables' other faults stop it before ingest).
    Files.createDirectories(corpus.resolve("registry"));
    Files.writeString(corpus.resolve("registry/process-events.csv"), String.join(",", ProcessEvents.COLUMNS)
        + "\nI-GF,2023,2023-10-08,2023-10-12,,,,,,\n");
    Path out = dir.resolve("out");
    Path key = Files.writeString(dir.resolve("key"), KEY);
    var run = CliRunner.observatory("run", "--corpus", corpus.toString(), "--out", out.toString(), "--pseudonymise",
        "--pseudonym-key-file", key.toString(), "--quiet");
    assertNotEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("resolve:"), "resolve ran and wrote its speakers: " + run.out() + run.err());
    assertTrue(run.err().contains("process-events.csv line 2: forum 'i-gf' (as slugged)"), run.err());
    assertFalse(Files.exists(out.resolve(DatasetWriter.STAGING).resolve(PseudonymiseJob.PLAIN_FOLDER)));
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("Quarrington"),
            f + " holds a real name");
      }
    }
  }

  @Test
  void pseudonymsAreKeyedHashes() {
    Pseudonyms a = new Pseudonyms(KEY.getBytes(StandardCharsets.UTF_8));
    Pseudonyms b = new Pseudonyms("another key of enough length....".getBytes(StandardCharsets.UTF_8));
    String id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    assertEquals(a.id(id), a.id(id));
    assertNotEquals(a.id(id), b.id(id), "without the key nobody can recompute the pseudonym");
    assertTrue(a.id(id).matches("[0-9a-f]{32}"));
    // Computed apart: printf 'person:%s' ID | openssl dgst -sha256 -hmac KEY, first 32 hex digits.
    assertEquals("a21946bf096a6b174018aac7bcc4ef9c", a.id(id));
    assertEquals("Person-a21946bf096a", Pseudonyms.name(a.id(id)));
  }
}
