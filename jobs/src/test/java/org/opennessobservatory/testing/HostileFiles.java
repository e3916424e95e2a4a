package org.opennessobservatory.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.opennessobservatory.generate.FormatWriters;

/**
 * Bad inputs made at test time (a zip bomb is not something to commit). Deterministic bytes, except the encrypted
 * DOCX (POI draws a random salt).
 */
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

  public static byte[] docx() {
    return FormatWriters.docx(REPORT);
  }

  /** A DOCX protected by a password (Office "agile" encryption, as Word writes it today). */
  public static byte[] encryptedDocx() {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("user-secret");
      try (OutputStream data = encryptor.getDataStream(fs)) {
        data.write(docx());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A zip holding a zip holding … {@code depth} levels down, with one line of text at the bottom. */
  public static byte[] nestedZip(int depth) {
    byte[] inner = "The innermost note on remote participation.".getBytes(StandardCharsets.US_ASCII);
    String name = "note.txt";
    for (int level = 0; level < depth; level++) {
      inner = zip(name, inner);
      name = "level-" + level + ".zip";
    }
    return inner;
  }

  private static byte[] zip(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same zip with one entry's text rewritten (e.g. a DOCX's word/document.xml). */
  public static byte[] rewriteEntry(byte[] zipBytes, String entry, UnaryOperator<String> rewrite) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          data = rewrite.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Valid UTF-8 around bytes that are not (a lone continuation byte, a cut sequence, an overlong form). */
  public static byte[] invalidUtf8() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Opening remarks on capacity building \u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF});
    out.writeBytes(" and closing remarks on open consultations.\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** UTF-16 little-endian with no byte-order mark: a detector has only the zero bytes to go on. */
  public static byte[] utf16WithoutBom() {
    return "UTF-16 text about the Internet Governance Forum in Geneva and Cologne.\n".repeat(5)
        .getBytes(StandardCharsets.UTF_16LE);
  }

  /** A UTF-8 paragraph followed by a Windows-1252 one, as files pasted together end up. */
  public static byte[] mixedEncodings() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Summary written in Z\u00fcrich by the r\u00e9sum\u00e9 team.\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(windows1252Text());
    return out.toByteArray();
  }

  /** Text interleaved with NUL, BEL, ESC, form feeds and other C0 controls. */
  public static byte[] controlCharacters() {
    return "Agenda\u0000 item\u0007 one:\u001b[31m data\u0001 governance\u000c\u0008 and\u001f access.\n"
        .repeat(4).getBytes(StandardCharsets.UTF_8);
  }

  /** One line of {@code words} words and no line break at all. */
  public static byte[] longLine(int words) {
    return "consultation ".repeat(words).getBytes(StandardCharsets.US_ASCII);
  }

  /** A transcript holding speaker markers and nothing said. */
  public static byte[] markersOnlyTranscript() {
    return ">>\n>> \n>>:\n>> MODERATOR:\n>>\n>> CHAIR:\n>>\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
  }

  /** One speaker turn of a million words, then a short reply. */
  public static byte[] millionWordTurn() {
    return (">> ANA PEREZ: " + "word ".repeat(1_000_000) + "\n>> BO LI: Thank you.\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
