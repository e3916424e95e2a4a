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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The task side of one {@link ParseWorkerMain} process. Not thread-safe: one task uses it at a time (the pool sees to
 * that). A watchdog kills the process when a parse passes its timeout; the blocked read then ends and the file is
 * rejected as {@code timeout}.
 */
final class ParseWorker implements AutoCloseable {
  private static final long STARTUP_TIMEOUT_MILLIS = 120_000;

  final int heapMb;
  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  /** Set once the process failed or was killed: destroyForcibly is asynchronous, isAlive may still say true. */
  private volatile boolean broken;
  /** The request in flight: its watchdog, whether that fired, and a failure to send it. */
  private ScheduledFuture<?> kill;
  private AtomicBoolean timedOut;
  private long timeoutMillis;
  private IOException sendFailure;

  private ParseWorker(int heapMb, Process process) {
    this.heapMb = heapMb;
    this.process = process;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
  }

  static ParseWorker start(int heapMb, ScheduledExecutorService watchdog) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapMb + "m");
    command.add("-XX:+UseSerialGC");
    // The client compiler only: each worker JVM warms its JIT on its own files, and C2's code pays back its compile
    // time only after some 4,000 files per worker (measured with two workers, seconds per 1,600 files from the
    // second round on: 5.8, 5.5, 5.7 with C1 only; 10.1, 6.7, 5.9, 5.5, 4.9 with C2). Few runs give a worker as many.
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
    ParseWorker worker = new ParseWorker(heapMb, process);
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

  /**
   * Sends one request; {@link #receive} reads its answer. The timeout runs from now: the worker is idle when it is
   * sent a request (one in flight at a time), so its parse starts now.
   */
  void send(ParseRequest request, long timeoutMillis, ScheduledExecutorService watchdog) {
    AtomicBoolean timedOut = new AtomicBoolean();
    this.timedOut = timedOut;
    this.timeoutMillis = timeoutMillis;
    kill = watchdog.schedule(() -> {
      timedOut.set(true);
      close();
    }, timeoutMillis, TimeUnit.MILLISECONDS);
    try {
      request.write(toWorker);
      toWorker.flush();
    } catch (IOException e) {
      sendFailure = e;
    }
  }

  /** The answer to the request {@link #send} sent; a worker that died or was killed gives a reject. */
  ParseResult receive() {
    try {
      if (sendFailure != null) {
        throw sendFailure;
      }
      return ParseResult.read(fromWorker);
    } catch (IOException e) {
      close();
      if (timedOut.get()) {
        return ParseResult.failure(RejectReason.TIMEOUT, null,
            "no result after " + timeoutMillis + " ms; the parse worker was killed");
      }
      return ParseResult.failure(RejectReason.PARSER_CRASH, e.getClass().getName(),
          "the parse worker process died: " + TikaExtraction.firstLine(e));
    } finally {
      kill.cancel(false);
      sendFailure = null;
    }
  }

  @Override
  public void close() {
    broken = true;
    process.destroyForcibly();
  }
}
