package org.opennessobservatory.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * Parsers that misbehave on purpose, registered for test-only media types: files starting with {@link #SPIN},
 * {@link #CRASH} or {@link #HUNGRY} (see META-INF/services and hostile-mimetypes.xml in the test resources, loaded
 * through the system property tika.custom-mimetypes that surefire sets). Only ever run them inside a parse worker
 * process.
 */
public final class HostileParsers {
  private HostileParsers() {}

  public static final byte[] SPIN = "SPIN! a parser that never returns".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] CRASH = "CRASH! a parser that kills its process".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] HUNGRY = "HUNGRY! a parser that fills the heap".getBytes(StandardCharsets.US_ASCII);

  /** Never returns and ignores interrupts: only killing its process stops it. */
  public static final class Spinning implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.application("x-observatory-spin"));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
      long spins = 0;
      while (spins >= 0) {
        spins = (spins + 1) & Long.MAX_VALUE;
      }
    }
  }

  /** Takes its whole process down, as a native crash or an OOM kill would. */
  public static final class Crashing implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.application("x-observatory-crash"));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
      Runtime.getRuntime().halt(9);
    }
  }

  /** Keeps everything it allocates until the heap runs out, as a parser building a huge document would. */
  public static final class Hungry implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.application("x-observatory-hungry"));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
      java.util.List<long[]> kept = new java.util.ArrayList<>();
      while (kept.size() >= 0) {
        kept.add(new long[1 << 20]);
      }
    }
  }
}
