package org.opennessobservatory.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What one Tika parse gave: either text and metadata, or the reason it failed. Crosses the pipe between a parse
 * worker process and its Spark task, hence its own compact codec (strings of any length, unlike writeUTF).
 */
public record ParseResult(
    RejectReason reject,
    String errorClass,
    String message,
    String text,
    boolean truncated,
    int embeddedSkipped,
    String mediaType,
    String parser,
    String title,
    String author,
    String created,
    String modified,
    Integer pageCount,
    String charset) {

  public boolean ok() {
    return reject == null;
  }

  public static ParseResult failure(RejectReason reason, String errorClass, String message) {
    return new ParseResult(reason, errorClass, message, null, false, 0, null, null, null, null, null, null, null,
        null);
  }

  /** The result in the codec below, as stored by an incremental run's parse memo. */
  byte[] toBytes() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static ParseResult fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return read(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("a stored parse result is damaged", e);
    }
  }

  void write(DataOutputStream out) throws IOException {
    writeString(out, reject == null ? null : reject.name());
    writeString(out, errorClass);
    writeString(out, message);
    writeString(out, text);
    out.writeBoolean(truncated);
    out.writeInt(embeddedSkipped);
    writeString(out, mediaType);
    writeString(out, parser);
    writeString(out, title);
    writeString(out, author);
    writeString(out, created);
    writeString(out, modified);
    out.writeInt(pageCount == null ? -1 : pageCount);
    writeString(out, charset);
  }

  static ParseResult read(DataInputStream in) throws IOException {
    String reject = readString(in);
    String errorClass = readString(in);
    String message = readString(in);
    String text = readString(in);
    boolean truncated = in.readBoolean();
    int embeddedSkipped = in.readInt();
    String mediaType = readString(in);
    String parser = readString(in);
    String title = readString(in);
    String author = readString(in);
    String created = readString(in);
    String modified = readString(in);
    int pages = in.readInt();
    String charset = readString(in);
    return new ParseResult(reject == null ? null : RejectReason.valueOf(reject), errorClass, message, text,
        truncated, embeddedSkipped, mediaType, parser, title, author, created, modified, pages < 0 ? null : pages,
        charset);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
