package org.opennessobservatory.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** One file sent to a parse worker: its name (a hint for type detection), its bytes and the limits. */
record ParseRequest(String fileName, byte[] bytes, int maxChars, int maxEmbedded) {

  void write(DataOutputStream out) throws IOException {
    ParseResult.writeString(out, fileName);
    out.writeInt(maxChars);
    out.writeInt(maxEmbedded);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static ParseRequest read(DataInputStream in) throws IOException {
    String fileName = ParseResult.readString(in);
    int maxChars = in.readInt();
    int maxEmbedded = in.readInt();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new ParseRequest(fileName, bytes, maxChars, maxEmbedded);
  }
}
