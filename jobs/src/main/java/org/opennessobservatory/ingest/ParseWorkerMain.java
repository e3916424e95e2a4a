package org.opennessobservatory.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.tika.mime.MediaType;

/**
 * The parse worker process: reads parse requests on stdin and parses each on a thread of its own, so that the Spark
 * tasks of one JVM share one worker (and one JIT-compiled Tika); answers on stdout, tagged with their request's id,
 * as they finish. It exists so that a parser that never returns can be stopped by killing the process — a Java
 * thread cannot be (see STACK.md). It exits when stdin closes (so it dies with its parent). Everything else the
 * libraries print goes to stderr.
 */
public final class ParseWorkerMain {
  static final int READY = 0x0B5E7;
  /** Exit status after a parse ran out of heap: which of the parses in flight caused it is not known. */
  static final int OUT_OF_HEAP = 3;

  private ParseWorkerMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    TikaExtraction.warmUp();
    out.writeInt(READY);
    out.flush();
    // As many threads as requests in flight: the tasks that send them bound their number.
    ExecutorService parses = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "parse");
      t.setDaemon(true);
      return t;
    });
    while (true) {
      ParseRequest request;
      try {
        request = ParseRequest.read(in);
      } catch (EOFException parentGone) {
        Runtime.getRuntime().halt(0);
        return;
      } catch (OutOfMemoryError e) {
        outOfHeap(); // a parse in flight filled the heap as a request came in
        return;
      }
      parses.execute(() -> answer(request, out));
    }
  }

  private static void answer(ParseRequest request, DataOutputStream out) {
    try {
      ParseResult result = TikaExtraction.extract(request.bytes(), request.fileName(), request.maxChars(),
          request.maxEmbedded(), request.registryType() == null ? null : MediaType.parse(request.registryType()));
      if (result.reject() == RejectReason.TOO_LARGE) {
        outOfHeap(); // caught and classified by the extraction
      }
      synchronized (out) {
        out.writeLong(request.id());
        result.write(out);
        out.flush();
      }
    } catch (OutOfMemoryError e) {
      outOfHeap(); // while answering
    } catch (IOException parentGone) {
      Runtime.getRuntime().halt(0);
    }
  }

  /**
   * The heap ran out, but the parse it ran out in may not be the one that filled it: say nothing, and let the task
   * side parse each file that was in flight again, alone. A fresh process is also cheaper than trusting this one's
   * state.
   */
  private static void outOfHeap() {
    Runtime.getRuntime().halt(OUT_OF_HEAP);
  }
}
