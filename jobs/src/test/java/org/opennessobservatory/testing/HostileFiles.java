package org.opennessobservatory.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.opennessobservatory.generate.FormatWriters;

/** Bad inputs made at test time (a zip bomb is not something to commit). Deterministic bytes. */
public final class HostileFiles {
  private HostileFiles() {}

  public static final FormatWriters.Doc REPORT = new FormatWriters.Doc("Session report", "Rapporteur",
      List.of("The session discussed meaningful connectivity in rural areas.",
          "Participants from civil society asked for open consultations."));

  public static byte[] pdf() {
    return FormatWriters.pdf(REPORT);
  }

  public static byte[] truncatedPdf() {
    byte[] pdf = pdf();
    return Arrays.copyOf(pdf, pdf.length / 2);
  }

  public static byte[] encryptedPdf() {
    return FormatWriters.encryptedPdf(REPORT, "user-secret", "owner-secret");
  }

  public static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** A zip whose one entry inflates to {@code megabytes} MB of text: about 1000:1. */
  public static byte[] zipBomb(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] block = "all work and no play ".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < (long) megabytes << 20; written += block.length) {
        zip.write(block);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Curly quotes, an en dash and accented letters, as a Windows word processor saves them. */
  public static byte[] windows1252Text() {
    return ("The Chair\u2019s summary \u2013 \u201cr\u00e9sum\u00e9\u201d of the d\u00e9bat on na\u00efve "
        + "connectivity targets, written in S\u00e3o Paulo.\r\n").repeat(3).getBytes(Charset.forName("windows-1252"));
  }

  public static byte[] utf16Text() {
    return ("\uFEFFUTF-16 text about the Internet Governance Forum in Gen\u00e8ve and K\u00f6ln.\n").repeat(3)
        .getBytes(StandardCharsets.UTF_16LE);
  }

  /** An HTML page with a script and a DOCTYPE declaring an external entity on /etc/passwd. */
  public static byte[] htmlWithScriptAndExternalEntity() {
    return """
        <?xml version="1.0"?>
        <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <html><head><title>Programme</title><script>document.write('injected script text');</script></head>
        <body><h1>Programme</h1><p>Opening ceremony at 9:00. &xxe;</p><p>Main session on data governance.</p>
        </body></html>
        """.getBytes(StandardCharsets.UTF_8);
  }
}
