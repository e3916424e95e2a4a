package org.opennessobservatory.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBDriver;

/**
 * Executes a notebook of notebooks/ headless with {@code jupyter nbconvert --execute}, as an analyst's Jupyter would,
 * over a given output root. Where Python's duckdb module is missing (here: PyPI is out of reach), the notebooks read
 * the Parquet through the DuckDB JDBC driver of this test class path, handed to them as OBSERVATORY_DUCKDB_JAR.
 */
final class NotebookRunner {
  static final String INSTALL = "apt-get install jupyter-nbconvert python3-ipykernel jupyter-client "
      + "python3-pandas python3-matplotlib python3-jpype";
  /** A notebook takes ~10 s on an idle machine; this bounds a hung kernel, not a slow one. */
  private static final long TIMEOUT_SECONDS = 420;

  private NotebookRunner() {}

  /** Fails, saying what to install, when jupyter nbconvert is not on the PATH: CI installs it, so never skip. */
  static void requireJupyter() {
    try {
      Process version = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
      String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!version.waitFor(60, TimeUnit.SECONDS) || version.exitValue() != 0) {
        version.destroyForcibly();
        fail("'jupyter nbconvert --version' failed (" + said.strip() + "): " + INSTALL);
      }
    } catch (IOException e) {
      fail("jupyter is not installed, the notebooks cannot be executed: " + INSTALL + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Executes {@code notebook} over {@code out}, writing the executed copy and the tables the notebook saves under
   * {@code workDir} (emptied first, so nothing of an earlier run can pass for this one). Fails with nbconvert's
   * stderr on a non-zero exit or a timeout. Returns the executed notebook.
   */
  static Path execute(Path notebook, Path out, Path workDir) {
    try {
      delete(workDir);
      Path tables = Files.createDirectories(workDir.resolve("tables"));
      Path log = workDir.resolve("nbconvert.log");
      ProcessBuilder builder = new ProcessBuilder(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
          "--ExecutePreprocessor.timeout=" + TIMEOUT_SECONDS, "--output-dir", workDir.toString(),
          notebook.toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("OBSERVATORY_OUT", out.toString());
      env.put("OBSERVATORY_TABLES", tables.toString());
      env.put("OBSERVATORY_DUCKDB_JAR", duckdbJar().toString());
      // The Debian kernel's debugger warns about frozen modules on every start: noise in the log, not a fault.
      env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS + 60, TimeUnit.SECONDS)) {
        // nbconvert's kernel (and the JVM JPype started in it) are its children: end them by PID with it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail(notebook.getFileName() + " did not finish in " + (TIMEOUT_SECONDS + 60) + " s:\n" + read(log));
      }
      assertEquals(0, process.exitValue(), () -> notebook.getFileName() + " failed:\n" + read(log));
      return workDir.resolve(notebook.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The jar the DuckDB JDBC driver was loaded from (the local Maven repository's copy). */
  static Path duckdbJar() {
    try {
      return Path.of(DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
