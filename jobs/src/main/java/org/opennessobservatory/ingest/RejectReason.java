package org.opennessobservatory.ingest;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;

/** Why an input file did not become a document. Every file that is not a {@code documents} row has one. */
public enum RejectReason {
  EMPTY("the file has 0 bytes"),
  TOO_LARGE("larger than --max-file-size, or needed more memory than --parser-heap"),
  UNREADABLE("the file could not be read (permissions, vanished, I/O error)"),
  ENCRYPTED("password-protected: ask the publisher for an open copy"),
  CORRUPT("the parser failed on the content (truncated, damaged, or not what its name says)"),
  UNSUPPORTED("no parser knows this file type"),
  ZIP_BOMB("the content expands out of all proportion to the file (suspected zip bomb)"),
  NO_TEXT("parsed, but no text came out (a scanned image needs OCR first)"),
  TIMEOUT("the parser did not finish within --parse-timeout and was killed"),
  PARSER_CRASH("the parser process died on this file"),
  DUPLICATE("byte-for-byte identical to another file (see duplicate_of)");

  private final String meaning;

  RejectReason(String meaning) {
    this.meaning = meaning;
  }

  /** The value stored in the {@code rejects.reason} column. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String meaning() {
    return meaning;
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
