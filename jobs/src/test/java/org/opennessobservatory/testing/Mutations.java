package org.opennessobservatory.testing;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * A small seeded mutation fuzzer: byte flips, truncations, chunk duplications and deletions of a valid input, and
 * the same on text with pieces of the transcript conventions spliced in. The same seed gives the same mutants.
 */
public final class Mutations {
  private Mutations() {}

  /** One to three mutations of {@code original}, never the original itself unless it is empty. */
  public static byte[] bytes(byte[] original, Random random) {
    byte[] b = original.clone();
    for (int n = 1 + random.nextInt(3); n > 0 && b.length > 0; n--) {
      switch (random.nextInt(4)) {
        case 0 -> {
          // A burst of flipped bits, where a parser reads offsets and lengths.
          int at = random.nextInt(b.length);
          for (int i = at; i < Math.min(b.length, at + 1 + random.nextInt(8)); i++) {
            b[i] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
        case 2 -> b = splice(b, random.nextInt(b.length), chunk(b, random), 0);
        default -> {
          int at = random.nextInt(b.length);
          b = splice(b, at, new byte[0], Math.min(b.length - at, 1 + random.nextInt(512)));
        }
      }
    }
    return b;
  }

  /** One to five edits of {@code text}: cut, duplicate or delete a span, or insert one of {@code pieces}. */
  public static String text(String text, Random random, List<String> pieces) {
    StringBuilder s = new StringBuilder(text);
    for (int n = 1 + random.nextInt(5); n > 0; n--) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
      int span = Math.min(s.length() - at, random.nextInt(200));
      switch (random.nextInt(4)) {
        case 0 -> s.setLength(at);
        case 1 -> s.insert(at, s.substring(at, at + span));
        case 2 -> s.delete(at, at + span);
        default -> s.insert(at, pieces.get(random.nextInt(pieces.size())));
      }
    }
    return s.toString();
  }

  private static byte[] chunk(byte[] b, Random random) {
    int from = random.nextInt(b.length);
    int length = Math.min(b.length - from, 1 + random.nextInt(1024));
    return java.util.Arrays.copyOfRange(b, from, from + length);
  }

  private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, at);
    out.writeBytes(insert);
    out.write(b, at + remove, b.length - at - remove);
    return out.toByteArray();
  }
}
