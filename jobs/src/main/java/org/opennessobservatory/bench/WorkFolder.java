package org.opennessobservatory.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File helpers of the benchmark's work folder. */
final class WorkFolder {
  private WorkFolder() {}

  /** Every regular file under {@code dir}, in path order: the baseline reads them in a reproducible order. */
  static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The folder given by --work, else a new temporary one named after the benchmark. */
  static Path open(Path given, String benchmark) throws IOException {
    return given != null ? given : Files.createTempDirectory("observatory-bench-" + benchmark);
  }

  /** At a benchmark's end: the work folder is deleted, or with --keep kept and named. */
  static void close(Path work, boolean keep, PrintWriter out) {
    if (keep) {
      out.printf("kept: %s%n", work);
      out.flush();
    } else {
      deleteTree(work);
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + p, e);
    }
  }
}
