package org.opennessobservatory.privacy;

import java.util.HexFormat;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Keyed hashes (HMAC-SHA-256) of person ids; safe to share between threads. A plain hash would not do: person ids are
 * themselves SHA-256 of normalised names, so anyone with a list of names could recompute them; without the key nobody
 * can.
 */
public final class Pseudonyms {
  /** What replaces a person's name in text: a word that says what it stands for and carries the id's start. */
  static final String NAME_PREFIX = "Person-";

  // A Mac is not thread-safe, and one Pseudonyms serves every task thread of an executor (the broadcast
  // RowPseudonymiser's): each thread gets its own.
  private final ThreadLocal<HmacUtils> hmac;

  public Pseudonyms(byte[] key) {
    byte[] copy = key.clone();
    this.hmac = ThreadLocal.withInitial(() -> new HmacUtils(HmacAlgorithms.HMAC_SHA_256, copy));
  }

  /** The pseudonymous id of a person id: 32 hex digits, the shape of every id of the project (DESIGN.md §8). */
  public String id(String personId) {
    return keyed("person", personId);
  }

  /** A keyed hash of any value that would give a person away (e.g. a row id computed from a person id). */
  public String keyed(String kind, String value) {
    return HexFormat.of().formatHex(hmac.get().hmac(kind + ":" + value), 0, 16);
  }

  /** The pseudonymous name of a person, from its pseudonymous id, so that an analyst can tell which row it is. */
  public static String name(String pseudonymousId) {
    return NAME_PREFIX + pseudonymousId.substring(0, 12);
  }
}
