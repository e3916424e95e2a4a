package org.opennessobservatory.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opennessobservatory.cli.UserException;

/**
 * The secret of the keyed hashes, from a file or the environment, never from a command-line value (shell history
 * and process lists would keep it). Without the secret nobody can recompute a pseudonym from a name list.
 */
public final class PseudonymKey {
  public static final String ENV = "OBSERVATORY_PSEUDONYM_KEY";
  /** Shorter secrets can be guessed; 16 bytes is the floor RFC 2104 gives for HMAC-SHA-256 keys (L/2). */
  static final int MIN_BYTES = 16;

  private PseudonymKey() {}

  /** The key from {@code file} when given, else from {@link #ENV}; a user error when neither holds one. */
  public static byte[] resolve(String file, Map<String, String> env) {
    String key;
    String where;
    if (file != null) {
      try {
        key = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UserException("--pseudonym-key-file " + file + " cannot be read (" + e.getMessage() + ")");
      }
      where = "--pseudonym-key-file " + file;
    } else {
      key = env.get(ENV) == null ? "" : env.get(ENV).strip();
      where = ENV;
      if (key.isEmpty()) {
        throw new UserException("--pseudonymise needs a secret key: set " + ENV + " or pass --pseudonym-key-file PATH");
      }
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES) {
      throw new UserException(where + " holds " + bytes.length + " bytes; a pseudonym key needs at least "
          + MIN_BYTES + " (e.g. openssl rand -hex 32)");
    }
    return bytes;
  }
}
