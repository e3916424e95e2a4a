package org.opennessobservatory.ingest;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;

/** Why an input file did not become a document. Every file that is not a {@code documents} row has one. */
public enum RejectReason {
  /** The file has 0 bytes. */
  EMPTY,
  /** Larger than --max-file-size, or needed more memory than --parser-heap. */
  TOO_LARGE,
  /** The file could not be read (permissions, vanished, I/O error). */
  UNREADABLE,
  /** Password-protected: ask the publisher for an open copy. */
  ENCRYPTED,
  /** The parser failed on the content (truncated, damaged, or not what its name says). */
  CORRUPT,
  /** No parser knows this file type. */
  UNSUPPORTED,
  /** The content expands out of all proportion to the file (suspected zip bomb). */
  ZIP_BOMB,
  /** Parsed, but no text came out (a scanned image needs OCR first). */
  NO_TEXT,
  /** The parser did not finish within --parse-timeout and was killed. */
  TIMEOUT,
  /** The parser process died on this file. */
  PARSER_CRASH,
  /** Byte-for-byte identical to another file (see duplicate_of). */
  DUPLICATE,
  /**
   * A symbolic link that leads out of the corpus root, or a manifest row whose path does ("../x", "/etc/passwd"):
   * never read, whatever it points to.
   */
  OUTSIDE_CORPUS,
  /** The file's manifest row has a faulty value (forum level, document type, stakeholder group, year, date). */
  MANIFEST_INVALID,
  /** A manifest row names a file that is not under the corpus root. */
  MANIFEST_FILE_MISSING;

  /** The value stored in the {@code rejects.reason} column. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Maps a failure thrown by a Tika parse to its reason. Anything a parser throws means the content defeated it. */
  public static RejectReason classify(Throwable t) {
    if (t instanceof ZeroByteFileException) {
      return EMPTY;
    }
    if (t instanceof EncryptedDocumentException) {
      return ENCRYPTED;
    }
    if (t instanceof UnsupportedFormatException) {
      return UNSUPPORTED;
    }
    if (t instanceof OutOfMemoryError) {
      return TOO_LARGE;
    }
    // Tika wraps what a parser throws ("TIKA-237: Illegal SAXException …"): the cause says what happened.
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof EncryptedDocumentException) {
        return ENCRYPTED;
      }
      if (c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return ZIP_BOMB;
      }
    }
    return CORRUPT;
  }
}
