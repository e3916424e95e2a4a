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

/**
 * The parse worker process: reads parse requests on stdin, answers on stdout, until stdin closes (so it dies with its
 * parent). It exists so that a parser that never returns can be stopped by killing the process — a Java thread
 * cannot be (see STACK.md). Everything else the libraries print goes to stderr.
 */
public final class ParseWorkerMain {
  static final int READY = 0x0B5E7;

  private ParseWorkerMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    TikaExtraction.warmUp();
    out.writeInt(READY);
    out.flush();
    while (true) {
      ParseRequest request;
      try {
        request = ParseRequest.read(in);
      } catch (EOFException parentGone) {
        return;
      }
      ParseResult result = TikaExtraction.extract(request.bytes(), request.fileName(), request.maxChars(),
          request.maxEmbedded());
      result.write(out);
      out.flush();
      if (result.reject() == RejectReason.TOO_LARGE) {
        // The heap ran out: a fresh process is cheaper than trusting this one's state.
        System.exit(3);
      }
    }
  }
}
