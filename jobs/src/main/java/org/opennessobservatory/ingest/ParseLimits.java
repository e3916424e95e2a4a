package org.opennessobservatory.ingest;

import java.io.Serializable;

/**
 * What one file may cost: passed to every task with the job (never read from static state on executors).
 *
 * @param maxChars write limit per document (characters of text kept)
 * @param maxEmbedded embedded documents opened per file
 * @param timeoutMillis wall-clock limit of one parse; the parse worker process is killed when it passes
 * @param maxFileBytes files larger than this are rejected unread
 * @param workerHeapMb heap of a parse worker process (shared by the parses of one JVM's task slots)
 */
public record ParseLimits(int maxChars, int maxEmbedded, long timeoutMillis, long maxFileBytes, int workerHeapMb)
    implements Serializable {

  public static final ParseLimits DEFAULTS = new ParseLimits(5_000_000, 100, 60_000, 256L << 20, 1024);
}
