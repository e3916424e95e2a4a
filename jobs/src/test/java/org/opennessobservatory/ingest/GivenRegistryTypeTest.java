package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.generate.FormatWriters;
import org.opennessobservatory.testing.HostileFiles;

/**
 * Given what the type registry said of a file, detection and parse come out exactly as when they ask it themselves:
 * on every file of data-samples and on the hostile ones; documents inside a container are still detected in full.
 */
class GivenRegistryTypeTest {
  private static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
  private static final Detector GIVEN = GivenRegistryType.within(CONFIG);

  @Test
  void detectionAndParseAreTheSameWithTheRegistryTypeGiven() throws IOException {
    Map<String, byte[]> files = files();
    assertTrue(files.size() > 70, files.size() + " files");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey().substring(f.getKey().lastIndexOf('/') + 1);
      byte[] bytes = f.getValue();
      MediaType registryType = PlainText.detect(bytes, name).registryType();
      assertEquals(PlainText.detect(CONFIG.getDetector(), bytes, name, null),
          PlainText.detect(GIVEN, bytes, name, registryType),
          f.getKey());
      // Against Tika's stock parser and detection: the same result, Parsed-By's last entry included.
      assertEquals(TikaExtraction.extract(new AutoDetectParser(), bytes, name, 100_000, 10, null),
          TikaExtraction.extract(bytes, name, 100_000, 10, registryType), f.getKey());
    }
  }

  @Test
  void theGivenAnswerIsTheOneUsedAndIsRemovedAsItIsUsed() throws IOException {
    byte[] pdf = FormatWriters.pdf(HostileFiles.REPORT);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, "report.pdf");
    metadata.set(GivenRegistryType.KEY, "text/html");
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(pdf))) {
      assertEquals(MediaType.text("html"), GIVEN.detect(in, metadata), "no magic run: the answer given is taken");
    }
    assertNull(metadata.get(GivenRegistryType.KEY));
    assertEquals(MediaType.application("pdf"), PlainText.detect(GIVEN, pdf, "report.pdf", null), "none given: asked");
  }

  @Test
  void aUsersConfigurationWhoseDetectionLacksTheRegistryKeepsItsOwnDetection() throws Exception {
    TikaConfig own = new TikaConfig(new ByteArrayInputStream(("<properties><detectors><detector "
        + "class=\"org.apache.tika.detect.TextDetector\"/></detectors></properties>").getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    assertSame(own.getDetector(), GivenRegistryType.within(own));
  }

  @Test
  void theAnswerTravelsWithTheRequestToTheWorker() throws IOException {
    ParseRequest sent = new ParseRequest(7, "report.pdf", new byte[] {1, 2, 3}, 100, 5, "application/pdf");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sent.write(new DataOutputStream(out));
    ParseRequest received = ParseRequest.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
    assertEquals(List.of(7L, "report.pdf", 100, 5, "application/pdf"), List.of(received.id(), received.fileName(),
        received.maxChars(), received.maxEmbedded(), received.registryType()));
    assertArrayEquals(sent.bytes(), received.bytes());
  }

  @Test
  void documentsInsideAContainerAreDetectedInFull() throws IOException {
    FormatWriters.Doc doc = HostileFiles.REPORT;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> member : Map.of("inside.pdf", FormatWriters.pdf(doc),
          "inside.docx", FormatWriters.docx(doc)).entrySet()) {
        zip.putNextEntry(new ZipEntry(member.getKey()));
        zip.write(member.getValue());
        zip.closeEntry();
      }
    }
    byte[] bytes = out.toByteArray();
    MediaType registryType = PlainText.detect(bytes, "bundle.zip").registryType();
    assertEquals(MediaType.application("zip"), registryType);
    ParseResult given = TikaExtraction.extract(bytes, "bundle.zip", 100_000, 10, registryType);
    assertEquals(TikaExtraction.extract(bytes, "bundle.zip", 100_000, 10, null), given);
    // Both members parsed by their own parsers: had the zip's type reached them, neither would give its text.
    String body = doc.paragraphs().get(0);
    assertEquals(2, given.text().split(java.util.regex.Pattern.quote(body), -1).length - 1, given.text());
  }

  private static Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(Path.of("..", "data-samples", "corpus"))) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(p.toString(), Files.readAllBytes(p));
      }
    }
    files.put("hostile/encrypted.pdf", HostileFiles.encryptedPdf());
    files.put("hostile/truncated.pdf", HostileFiles.truncatedPdf());
    files.put("hostile/random.pdf", HostileFiles.randomBytes(4096, 7));
    files.put("hostile/bomb.zip", HostileFiles.zipBomb(1));
    files.put("hostile/nested.zip", HostileFiles.nestedZip(3));
    files.put("hostile/encrypted.docx", HostileFiles.encryptedDocx());
    files.put("hostile/script.html", HostileFiles.htmlWithScriptAndExternalEntity());
    files.put("hostile/utf16.txt", HostileFiles.utf16Text());
    files.put("hostile/mixed.txt", HostileFiles.mixedEncodings());
    return files;
  }
}
