package org.opennessobservatory.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The task side of one {@link ParseWorkerMain} process, which parses the requests of several tasks at once. Thread
 * safe. A watchdog kills the process when a parse passes its timeout; every request then in flight ends with its
 * {@link Fate}, so that the pool can tell the file that took too long from the ones that only shared its process.
 */
final class ParseWorker implements AutoCloseable {
  private static final long STARTUP_TIMEOUT_MILLIS = 120_000;

  /** How a request ended. */
  enum Fate {
    /** The worker sent its result. */
    ANSWERED,
    /** This request passed its timeout and the process was killed for it. */
    TIMED_OUT,
    /** The process was killed because another request passed its timeout. */
    KILLED_FOR_ANOTHER,
    /** The process died on its own (a crash, or a heap run out): any request in flight may have caused it. */
    DIED
  }

  /** A request's end: its result when {@link Fate#ANSWERED}; with {@code exitStatus} when it died. */
  record Answer(Fate fate, ParseResult result, Integer exitStatus, String failure) {}

  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private final ScheduledExecutorService watchdog;
  private final Map<Long, Call> calls = new ConcurrentHashMap<>();
  /** Set once the process failed or was killed: destroyForcibly is asynchronous, isAlive may still say true. */
  private volatile boolean broken;
  /** The requests whose timeout killed the process, if any did. */
  private final Set<Long> timedOut = ConcurrentHashMap.newKeySet();

  private record Call(CompletableFuture<Answer> answer, ScheduledFuture<?> kill) {}

  private ParseWorker(Process process, ScheduledExecutorService watchdog) {
    this.process = process;
    this.watchdog = watchdog;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
  }

  static ParseWorker start(int heapMb, ScheduledExecutorService watchdog) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapMb + "m");
    command.add("-XX:+UseSerialGC");
    // The client compiler only: C2's code pays back its compile time only after some 10,000 files in one worker
    // (measured, CPU seconds of a worker parsing 1,600 files on two threads, five times over: C1 only 12.6, 7.2,
    // 7.9, 7.8, 8.8; C2 23.3, 9.2, 7.6, 5.4, 4.8). Few runs give a worker as many.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    // Tika's own settings (e.g. tika.custom-mimetypes) apply in the worker as they would in process.
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("tika.")) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.add("-cp");
    command.add(classPath());
    command.add(ParseWorkerMain.class.getName());
    File log = File.createTempFile("observatory-parse-worker-", ".log");
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log))
        .start();
    ParseWorker worker = new ParseWorker(process, watchdog);
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> kill = watchdog.schedule(() -> {
      late.set(true);
      process.destroyForcibly();
    }, STARTUP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    try {
      int ready = worker.fromWorker.readInt();
      if (ready != ParseWorkerMain.READY) {
        throw new IOException("parse worker answered " + ready + " instead of its ready signal");
      }
    } catch (IOException e) {
      worker.close();
      throw new IOException("parse worker did not start" + (late.get() ? " within "
          + STARTUP_TIMEOUT_MILLIS / 1000 + " s" : "") + "; its log: " + log, e);
    } finally {
      kill.cancel(false);
    }
    Thread reader = new Thread(worker::readAnswers, "parse-worker-answers");
    reader.setDaemon(true);
    reader.start();
    return worker;
  }

  /** The task's class path, plus the jar (or folder) holding this class: on a cluster the job jar is not on it. */
  private static String classPath() {
    String cp = System.getProperty("java.class.path");
    try {
      String own = Path.of(ParseWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      return own + File.pathSeparator + cp;
    } catch (URISyntaxException | RuntimeException e) {
      return cp;
    }
  }

  boolean alive() {
    return !broken && process.isAlive();
  }

  /** Requests sent and not yet ended (answered, or lost with the process). */
  int inFlight() {
    return calls.size();
  }

  /**
   * Sends one request; its timeout runs from now, as the worker starts each request on a thread of its own at once.
   * The answer is dropped if nobody waits for it (a task that ended early), but the timeout still holds: a parse
   * left spinning would otherwise slow every other file this worker parses.
   */
  CompletableFuture<Answer> send(ParseRequest request, long timeoutMillis) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    long id = request.id();
    ScheduledFuture<?> kill = watchdog.schedule(() -> {
      if (calls.containsKey(id)) {
        timedOut.add(id);
        close();
      }
    }, timeoutMillis, TimeUnit.MILLISECONDS);
    calls.put(id, new Call(answer, kill));
    try {
      synchronized (toWorker) {
        request.write(toWorker);
        toWorker.flush();
      }
    } catch (IOException e) {
      // The process is gone: the reader ends every call in flight, this one included.
      close();
    }
    if (!alive()) {
      endAll(); // it may have ended before this call was registered
    }
    return answer;
  }

  /** Pairs each answer with its request, in the order they come; when the process is gone, ends the rest. */
  private void readAnswers() {
    try {
      while (true) {
        long id = fromWorker.readLong();
        ParseResult result = ParseResult.read(fromWorker);
        Call call = calls.remove(id);
        if (call != null) {
          call.kill().cancel(false);
          call.answer().complete(new Answer(Fate.ANSWERED, result, null, null));
        }
      }
    } catch (IOException | RuntimeException gone) {
      close();
      endAll();
    }
  }

  private void endAll() {
    Integer status = exitStatus();
    for (Long id : List.copyOf(calls.keySet())) {
      Call call = calls.remove(id);
      if (call == null) {
        continue;
      }
      call.kill().cancel(false);
      Fate fate = timedOut.contains(id) ? Fate.TIMED_OUT
          : timedOut.isEmpty() ? Fate.DIED : Fate.KILLED_FOR_ANOTHER;
      call.answer().complete(new Answer(fate, null, status, "the parse worker process ended"
          + (status == null ? "" : " with exit status " + status)));
    }
  }

  /** The process's exit status, waiting a little for it: a process whose output closed is normally exiting. */
  private Integer exitStatus() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    broken = true;
    process.destroyForcibly();
  }
}
