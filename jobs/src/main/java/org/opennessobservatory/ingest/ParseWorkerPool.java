package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse worker process of this JVM (driver in local mode, or one executor), shared by its tasks and reused
 * across them, so that Tika is loaded and JIT-compiled once, on every file the JVM sends it (all but plain text,
 * see PlainText). Holds process handles, never configuration: limits come with each call (a worker per heap size,
 * as tests use several).
 *
 * <p>A file's parse is lost when the process it shares ends for another file. Killed for another file's timeout,
 * the file is sent again; after a death that any file in flight may have caused (a crash, a heap run out), it is
 * parsed again alone, in a process of its own, so that only the file that causes it is rejected for it.
 */
public final class ParseWorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(ParseWorkerPool.class);
  /** How many times one file is sent again after other files' timeouts, before it is parsed alone. */
  private static final int RESENDS = 2;
  private static final Map<Integer, ParseWorker> SHARED = new HashMap<>();
  private static final AtomicLong IDS = new AtomicLong();
  /**
   * One file parsed alone at a time per JVM: a crash loses every file in flight, and a worker each at once would need
   * a parser heap per task slot beside the shared worker's.
   */
  private static final Semaphore ALONE = new Semaphore(1);
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
   * Sends one file to the worker process and returns at once, so that the caller can work while it is parsed. A
   * caller that never asks for the {@link Pending#result} leaves nothing behind: the answer is dropped when it comes,
   * and a parse that spins is still stopped at its timeout.
   */
  public static Pending start(String fileName, byte[] bytes, ParseLimits limits) {
    return start(fileName, bytes, null, limits);
  }

  /** {@link #start}, telling the worker what Tika's type registry said of the file (see GivenRegistryType). */
  static Pending start(String fileName, byte[] bytes, MediaType registryType, ParseLimits limits) {
    ParseRequest request = new ParseRequest(IDS.incrementAndGet(), fileName, bytes, limits.maxChars(),
        limits.maxEmbedded(), registryType == null ? null : registryType.toString());
    return new Pending(request, limits, shared(limits.workerHeapMb()).send(request, limits.timeoutMillis()));
  }

  /** A parse on its way. */
  public static final class Pending {
    private final ParseRequest request;
    private final ParseLimits limits;
    private final CompletableFuture<ParseWorker.Answer> answer;

    private Pending(ParseRequest request, ParseLimits limits, CompletableFuture<ParseWorker.Answer> answer) {
      this.request = request;
      this.limits = limits;
      this.answer = answer;
    }

    /** Waits for the parse's result: never longer than its timeout, unless other files' ends make it start again. */
    public ParseResult result() {
      ParseWorker.Answer a = await(answer);
      for (int resent = 0; a.fate() == ParseWorker.Fate.KILLED_FOR_ANOTHER && resent < RESENDS; resent++) {
        a = await(shared(limits.workerHeapMb()).send(request, limits.timeoutMillis()));
      }
      return switch (a.fate()) {
        case ANSWERED -> a.result();
        case TIMED_OUT -> timedOut(limits);
        case KILLED_FOR_ANOTHER, DIED -> alone(request, limits, a);
      };
    }
  }

  /** The parse of a file whose shared process ended for a cause not known: in a process of its own, its end is its. */
  private static ParseResult alone(ParseRequest request, ParseLimits limits, ParseWorker.Answer lost) {
    LOG.info("parsing {} again, alone: {} while it was being parsed", request.fileName(), lost.failure());
    acquire(ALONE);
    ParseWorker solo = null;
    try {
      solo = startWorker(limits.workerHeapMb());
      ParseWorker.Answer a = await(solo.send(request, limits.timeoutMillis()));
      return switch (a.fate()) {
        case ANSWERED -> a.result();
        case TIMED_OUT -> timedOut(limits);
        case KILLED_FOR_ANOTHER, DIED -> Integer.valueOf(ParseWorkerMain.OUT_OF_HEAP).equals(a.exitStatus())
            ? ParseResult.failure(RejectReason.TOO_LARGE, OutOfMemoryError.class.getName(), "the parse ran out of "
                + "the parse worker's heap of " + limits.workerHeapMb() + " MB (--parser-heap)")
            : ParseResult.failure(RejectReason.PARSER_CRASH, null, "the parse worker process died: " + a.failure());
      };
    } finally {
      if (solo != null) {
        solo.close();
      }
      ALONE.release();
    }
  }

  private static ParseResult timedOut(ParseLimits limits) {
    return ParseResult.failure(RejectReason.TIMEOUT, null,
        "no result after " + limits.timeoutMillis() + " ms; the parse worker was killed");
  }

  private static ParseWorker.Answer await(CompletableFuture<ParseWorker.Answer> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      // The task is being killed; its parse, if it spins, is still stopped by its timeout.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a parse", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a parse answer cannot fail", e);
    }
  }

  private static void acquire(Semaphore semaphore) {
    try {
      semaphore.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to parse a file alone", e);
    }
  }

  /** The live shared worker for this heap size, started when there is none (or it has ended). */
  private static ParseWorker shared(int heapMb) {
    synchronized (SHARED) {
      ParseWorker worker = SHARED.get(heapMb);
      if (worker == null || !worker.alive()) {
        worker = startWorker(heapMb);
        SHARED.put(heapMb, worker);
      }
      return worker;
    }
  }

  private static ParseWorker startWorker(int heapMb) {
    try {
      return ParseWorker.start(heapMb, WATCHDOG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests in flight in the shared workers (for tests). */
  static int inFlight() {
    synchronized (SHARED) {
      return SHARED.values().stream().mapToInt(ParseWorker::inFlight).sum();
    }
  }

  /** Live shared worker processes (for tests). */
  static int processes() {
    synchronized (SHARED) {
      return (int) SHARED.values().stream().filter(ParseWorker::alive).count();
    }
  }

  /** Stops every worker process; the next parse starts a new one. */
  public static void closeAll() {
    List<ParseWorker> workers;
    synchronized (SHARED) {
      workers = List.copyOf(SHARED.values());
      SHARED.clear();
    }
    workers.forEach(ParseWorker::close);
  }
}
