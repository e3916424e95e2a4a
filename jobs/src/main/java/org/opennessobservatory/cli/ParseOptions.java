package org.opennessobservatory.cli;

import org.opennessobservatory.ingest.ParseLimits;
import picocli.CommandLine.Option;

/** What one input file may cost. The defaults are {@link ParseLimits#DEFAULTS}. */
public final class ParseOptions {
  private static final ParseLimits D = ParseLimits.DEFAULTS;

  @Option(names = "--parse-timeout", paramLabel = "SECONDS",
      description = "Wall-clock limit of one file's parse; the parser process is killed past it "
          + "(default ${DEFAULT-VALUE}).")
  double parseTimeoutSeconds = D.timeoutMillis() / 1000.0;

  @Option(names = "--max-chars", paramLabel = "N",
      description = "Characters of text kept per document; the rest is dropped and the row marked truncated "
          + "(default ${DEFAULT-VALUE}).")
  int maxChars = D.maxChars();

  @Option(names = "--max-file-size", paramLabel = "MB",
      description = "Larger files are rejected unread as too_large (default ${DEFAULT-VALUE}).")
  long maxFileMb = D.maxFileBytes() >> 20;

  @Option(names = "--max-embedded", paramLabel = "N",
      description = "Embedded documents (attachments, archive entries) opened per file (default ${DEFAULT-VALUE}).")
  int maxEmbedded = D.maxEmbedded();

  @Option(names = "--parser-heap", paramLabel = "MB",
      description = "Heap of the parser process, which the task slots of a JVM share (default ${DEFAULT-VALUE}).")
  int parserHeapMb = D.workerHeapMb();

  ParseLimits limits() {
    if (parseTimeoutSeconds <= 0 || maxChars <= 0 || maxFileMb <= 0 || maxEmbedded < 0 || parserHeapMb < 64) {
      throw new UserException("--parse-timeout, --max-chars and --max-file-size must be positive, --max-embedded "
          + "not negative, --parser-heap at least 64");
    }
    if (maxFileMb > 2000) {
      throw new UserException("--max-file-size " + maxFileMb + " is above the 2000 MB a single parse can hold");
    }
    return new ParseLimits(maxChars, maxEmbedded, Math.round(parseTimeoutSeconds * 1000), maxFileMb << 20,
        parserHeapMb);
  }
}
