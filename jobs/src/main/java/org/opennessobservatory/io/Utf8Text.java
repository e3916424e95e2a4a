package org.opennessobservatory.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.opennessobservatory.cli.UserException;

/**
 * The text of a small file a researcher writes by hand (the manifest, the registry tables), decoded as UTF-8 or not
 * at all: a spreadsheet saved as Windows-1252 would otherwise turn "Société civile" into "Soci�t� civile" and leave a
 * row naming "Sesi�n.txt" without its file, with no word said.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /** The whole of {@code in}; a byte sequence that is not UTF-8 is a user error naming its line. */
  public static String read(InputStream in, String source) throws IOException {
    byte[] bytes = in.readAllBytes();
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes);
    CharBuffer output = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      int bad = input.position();
      long line = 1;
      for (int i = 0; i < bad; i++) { // LF, CRLF or a lone CR ("CSV (Macintosh)") each end a line
        line += bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n') ? 1 : 0;
      }
      throw new UserException(String.format("%s line %d is not UTF-8 text (byte 0x%02X): save the file as UTF-8 "
          + "(in a spreadsheet, \"CSV UTF-8\")", source, line, bytes[bad] & 0xff));
    }
    decoder.flush(output);
    return output.flip().toString();
  }
}
