package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The parse worker processes of this JVM (driver in local mode, or one executor), reused across tasks so that each
 * pays the JVM start and JIT warm-up once. Holds process handles, never configuration: limits come with each call.
 */
public final class ParseWorkerPool {
  private static final ConcurrentLinkedDeque<ParseWorker> IDLE = new ConcurrentLinkedDeque<>();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "parse-watchdog");
    t.setDaemon(true);
    return t;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ParseWorkerPool::closeAll, "parse-workers-shutdown"));
  }

  private ParseWorkerPool() {}

  /** Parses one file in a worker process, within the limits; never throws for a bad file. */
  public static ParseResult parse(String fileName, byte[] bytes, ParseLimits limits) {
    ParseWorker worker = borrow(limits.workerHeapMb());
    ParseResult result = worker.parse(new ParseRequest(fileName, bytes, limits.maxChars(), limits.maxEmbedded()),
        limits.timeoutMillis(), WATCHDOG);
    if (worker.alive()) {
      IDLE.push(worker);
    } else {
      worker.close();
    }
    return result;
  }

  private static ParseWorker borrow(int heapMb) {
    for (Iterator<ParseWorker> it = IDLE.iterator(); it.hasNext(); ) {
      ParseWorker candidate = it.next();
      if (candidate.heapMb == heapMb && IDLE.removeFirstOccurrence(candidate)) {
        if (candidate.alive()) {
          return candidate;
        }
        candidate.close();
      }
    }
    try {
      return ParseWorker.start(heapMb, WATCHDOG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every idle worker process (busy ones are stopped by the shutdown hook or when their stdin closes). */
  public static void closeAll() {
    for (ParseWorker worker; (worker = IDLE.poll()) != null; ) {
      worker.close();
    }
  }
}
