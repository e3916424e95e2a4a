package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build fingerprint the incremental store's settings carry: the same for the classes folder and the jar of one
 * build, different as soon as a class or a reference file differs, blind to everything else on the class path.
 */
class CodeFingerprintTest {
  private static final Map<String, String> BUILD = new TreeMap<>(Map.of(
      "org/opennessobservatory/transcripts/Segmenter.class", "segmenter v1",
      "reference/stakeholder-keywords.csv", "group,keyword\ncivil_society,foundation\n",
      "org/apache/spark/Other.class", "not ours",
      "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));

  @Test
  void aFolderAndAJarOfTheSameBuildAgreeAndAnyChangeOfOursShows(@TempDir Path dir) throws IOException {
    String folder = CodeFingerprint.compute(folder(dir.resolve("classes"), BUILD));
    assertEquals(folder, CodeFingerprint.compute(jar(dir.resolve("build.jar"), BUILD)));
    assertEquals(16, folder.length());

    Map<String, String> segmenterFixed = new TreeMap<>(BUILD);
    segmenterFixed.put("org/opennessobservatory/transcripts/Segmenter.class", "segmenter v2");
    assertNotEquals(folder, CodeFingerprint.compute(jar(dir.resolve("fixed.jar"), segmenterFixed)));

    Map<String, String> keywordAdded = new TreeMap<>(BUILD);
    keywordAdded.put("reference/stakeholder-keywords.csv", BUILD.get("reference/stakeholder-keywords.csv")
        + "government,ministry\n");
    assertNotEquals(folder, CodeFingerprint.compute(jar(dir.resolve("keywords.jar"), keywordAdded)));

    Map<String, String> otherLibrary = new TreeMap<>(BUILD);
    otherLibrary.put("org/apache/spark/Other.class", "another version");
    otherLibrary.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-By: someone else\n");
    assertEquals(folder, CodeFingerprint.compute(jar(dir.resolve("other.jar"), otherLibrary)));

    // The JVM running this test loaded the observatory's classes from a folder or a jar: it has a fingerprint.
    assertEquals(16, CodeFingerprint.get().length());
  }

  private static Path folder(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  private static Path jar(Path file, Map<String, String> files) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        jar.putNextEntry(new JarEntry(f.getKey()));
        jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }
}
