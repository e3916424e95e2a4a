package org.opennessobservatory.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One file sent to a parse worker: its name (a hint for type detection), its bytes, the limits, and what Tika's type
 * registry said of it when the sender asked (null when not, see {@link GivenRegistryType}). The id pairs the answer
 * with its request, since a worker parses several at once and answers in the order they finish.
 */
record ParseRequest(long id, String fileName, byte[] bytes, int maxChars, int maxEmbedded, String registryType) {

  void write(DataOutputStream out) throws IOException {
    out.writeLong(id);
    ParseResult.writeString(out, fileName);
    out.writeInt(maxChars);
    out.writeInt(maxEmbedded);
    ParseResult.writeString(out, registryType);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static ParseRequest read(DataInputStream in) throws IOException {
    long id = in.readLong();
    String fileName = ParseResult.readString(in);
    int maxChars = in.readInt();
    int maxEmbedded = in.readInt();
    String registryType = ParseResult.readString(in);
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new ParseRequest(id, fileName, bytes, maxChars, maxEmbedded, registryType);
  }
}
