package org.opennessobservatory.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opennessobservatory.ingest.ManifestColumns;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds the binary files of {@code data-samples/corpus/} from the plain-text sources in
 * {@code data-samples/sources/}, and checks that the committed files are exactly what the sources give.
 *
 * <p>Run with {@code -Dsamples.rewrite=true} to (re)write the corpus files after editing a source.
 *
 * <p>Source format: header lines {@code key: value} up to the first blank line, then the body, whose paragraphs
 * are separated by blank lines (single newlines and leading spaces inside a paragraph are kept). Keys:
 * <ul>
 *   <li>{@code target} — path under {@code corpus/} (required);
 *   <li>{@code format} — pdf, docx, odt, rtf, html, txt, or a broken variant: {@code pdf-encrypted} (needs
 *       {@code password}), {@code pdf-truncated} (the PDF cut after the
 *       fraction {@code keep}, default 0.5), {@code random-bytes} ({@code seed},
 *       {@code length}), {@code copy} (the bytes of the source whose target is {@code of});
 *   <li>{@code title}, {@code author} — document metadata and heading;
 *   <li>{@code charset} — for txt only: UTF-8 (default), windows-1252, or UTF-16LE-BOM.
 * </ul>
 */
// Rendering first, so that a rewrite run checks the manifest against the files it has just written.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleCorpusBuilderTest {

  static final Path SAMPLES = Paths.get(System.getProperty("observatory.repo", "..")).resolve("data-samples");
  static final Path SOURCES = SAMPLES.resolve("sources");
  static final Path CORPUS = SAMPLES.resolve("corpus");
  static final Set<String> RENDERED_EXTENSIONS = Set.of("pdf", "docx", "odt", "rtf");

  record Source(Path file, Map<String, String> header, List<String> paragraphs) {
    String get(String key) {
      String v = header.get(key);
      if (v == null) {
        throw new IllegalArgumentException(file + ": missing header '" + key + "'");
      }
      return v;
    }

    String target() {
      return get("target");
    }

    FormatWriters.Doc doc() {
      return new FormatWriters.Doc(header.getOrDefault("title", ""), header.getOrDefault("author", ""), paragraphs);
    }
  }

  @Test
  @Order(1)
  void committedCorpusMatchesSources() throws IOException {
    Map<String, Source> byTarget = readSources();
    assertFalse(byTarget.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
    boolean rewrite = Boolean.getBoolean("samples.rewrite");
    List<String> mismatches = new ArrayList<>();
    for (Source s : byTarget.values()) {
      byte[] expected = render(s, byTarget);
      Path target = CORPUS.resolve(s.target());
      if (rewrite) {
        Files.createDirectories(target.getParent());
        Files.write(target, expected);
      } else if (!Files.exists(target) || !Arrays.equals(expected, Files.readAllBytes(target))) {
        mismatches.add(s.target());
      }
    }
    assertTrue(mismatches.isEmpty(), "corpus files differ from their sources (rerun with -Dsamples.rewrite=true "
        + "if the sources are right): " + mismatches);
  }

  /** Binary corpus files are never edited by hand: each one comes from a source. */
  @Test
  void everyBinaryCorpusFileHasASource() throws IOException {
    Set<String> targets = readSources().keySet();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      List<String> orphans = files.filter(Files::isRegularFile)
          .map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
          .filter(p -> RENDERED_EXTENSIONS.contains(p.substring(p.lastIndexOf('.') + 1)))
          .filter(p -> !targets.contains(p))
          .collect(Collectors.toList());
      assertEquals(List.of(), orphans);
    }
  }

  @Test
  void manifestIsWellFormed() throws IOException {
    try (Reader in = Files.newBufferedReader(CORPUS.resolve("manifest.csv"), StandardCharsets.UTF_8);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      assertEquals(ManifestColumns.ALL, csv.getHeaderNames());
      for (CSVRecord r : csv) {
        String where = "manifest line " + r.getRecordNumber() + " (" + r.get("path") + ")";
        assertTrue(Files.isRegularFile(CORPUS.resolve(r.get("path"))), where + ": no such file");
        assertTrue(r.get("forum").matches("[a-z0-9-]+"), where);
        assertTrue(r.get("path").startsWith(r.get("forum") + "/" + r.get("year") + "/"), where);
        assertTrue(ManifestColumns.FORUM_LEVELS.contains(r.get("forum_level")), where);
        assertTrue(ManifestColumns.DOC_TYPES.contains(r.get("doc_type")), where);
        String group = r.get("author_stakeholder_group");
        assertTrue(group.isEmpty() || ManifestColumns.STAKEHOLDER_GROUPS.contains(group), where);
        for (String date : List.of(r.get("date"), r.get("published_on"))) {
          assertTrue(date.isEmpty() || date.matches("\\d{4}-\\d{2}-\\d{2}"), where + ": " + date);
        }
      }
    }
  }

  static Map<String, Source> readSources() throws IOException {
    Map<String, Source> byTarget = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".src.txt")).sorted().collect(Collectors.toList())) {
        Source s = parse(f);
        if (byTarget.put(s.target(), s) != null) {
          fail("two sources for " + s.target());
        }
      }
    }
    return byTarget;
  }

  static Source parse(Path file) throws IOException {
    // Normalised so that a checkout with CRLF line endings renders the same bytes.
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int end = text.indexOf("\n\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 2);
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : head.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(file + ": header line without ':': " + line);
      }
      header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    List<String> paragraphs = new ArrayList<>();
    for (String p : body.split("\n[ \t]*\n")) {
      String kept = p.stripTrailing();
      while (kept.startsWith("\n")) {
        kept = kept.substring(1);
      }
      if (!kept.isBlank()) {
        paragraphs.add(kept);
      }
    }
    return new Source(file, header, paragraphs);
  }

  static byte[] render(Source s, Map<String, Source> byTarget) {
    String format = s.get("format");
    switch (format) {
      case "pdf": return FormatWriters.pdf(s.doc());
      case "docx": return FormatWriters.docx(s.doc());
      case "odt": return FormatWriters.odt(s.doc());
      case "rtf": return FormatWriters.rtf(s.doc());
      case "html": return FormatWriters.html(s.doc());
      case "txt": return encode(new String(FormatWriters.txt(s.doc()), StandardCharsets.UTF_8),
          s.header().getOrDefault("charset", "UTF-8"));
      case "pdf-encrypted": return FormatWriters.encryptedPdf(s.doc(), s.get("password"), s.get("password") + "-owner");
      case "pdf-truncated": {
        byte[] whole = FormatWriters.pdf(s.doc());
        double keep = Double.parseDouble(s.header().getOrDefault("keep", "0.5"));
        return Arrays.copyOf(whole, (int) (whole.length * keep));
      }
      case "random-bytes": {
        // java.util.Random's sequence is fixed by its specification, so the bytes are the same everywhere.
        byte[] bytes = new byte[Integer.parseInt(s.get("length"))];
        new Random(Long.parseLong(s.get("seed"))).nextBytes(bytes);
        return bytes;
      }
      case "copy": {
        Source original = byTarget.get(s.get("of"));
        if (original == null || original == s) {
          throw new IllegalArgumentException(s.file() + ": 'of' names no other source: " + s.get("of"));
        }
        return render(original, byTarget);
      }
      default: throw new IllegalArgumentException(s.file() + ": unknown format " + format);
    }
  }

  static byte[] encode(String text, String charset) {
    boolean bom = charset.endsWith("-BOM");
    Charset cs = Charset.forName(bom ? charset.substring(0, charset.length() - 4) : charset);
    try {
      // Fail on characters the charset cannot hold instead of writing '?' silently.
      ByteBuffer buf = cs.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(bom ? "\uFEFF" + text : text));
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text not representable in " + charset, e);
    }
  }
}
