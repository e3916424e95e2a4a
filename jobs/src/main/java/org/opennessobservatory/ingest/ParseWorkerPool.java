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
    return start(fileName, bytes, limits).result();
  }

  /**
   * Sends one file to a worker process and returns at once, so that the caller can work while it is parsed. The
   * caller must end it: {@link Pending#result} or {@link Pending#abandon}.
   */
  public static Pending start(String fileName, byte[] bytes, ParseLimits limits) {
    ParseWorker worker = borrow(limits.workerHeapMb());
    worker.send(new ParseRequest(fileName, bytes, limits.maxChars(), limits.maxEmbedded()), limits.timeoutMillis(),
        WATCHDOG);
    return new Pending(worker);
  }

  /** A parse in a worker process, which this holder has to itself until it ends the parse. */
  public static final class Pending {
    private final ParseWorker worker;

    private Pending(ParseWorker worker) {
      this.worker = worker;
    }

    /** Waits for the parse's result (never longer than its timeout) and gives the worker back. */
    public ParseResult result() {
      ParseResult result = worker.receive();
      if (worker.alive()) {
        IDLE.push(worker);
      } else {
        worker.close();
      }
      return result;
    }

    /** Stops the worker process: its answer will never be read, so it cannot serve another request. */
    public void abandon() {
      worker.close();
    }
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

  /** How many worker processes wait in the pool (for tests: a busy one is never counted). */
  static int idle() {
    return IDLE.size();
  }

  /** Stops every idle worker process (busy ones are stopped by the shutdown hook or when their stdin closes). */
  public static void closeAll() {
    for (ParseWorker worker; (worker = IDLE.poll()) != null; ) {
      worker.close();
    }
  }
}
