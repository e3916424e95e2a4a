package org.opennessobservatory.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of the observatory's own classes and shipped reference files, as this JVM loaded them. The
 * incremental store's settings carry it: the version alone ({@code 0.1.0-SNAPSHOT}) stays the same across builds, and
 * a store written by another build — a pulled fix to the segmenter, an edited keyword list — must not be read.
 */
public final class CodeFingerprint {
  private CodeFingerprint() {}

  /** What is hashed: the observatory's classes, and the reference files they read. */
  private static final List<String> PREFIXES = List.of("org/opennessobservatory/", "reference/");

  private static volatile String value;

  /** 16 hex digits of the SHA-256 of every hashed file's path and bytes, in path order; computed once per JVM. */
  public static String get() {
    String v = value;
    if (v == null) {
      v = compute(location());
      value = v;
    }
    return v;
  }

  private static Path location() {
    try {
      return Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot tell where the observatory's classes were loaded from", e);
    }
  }

  static String compute(Path classes) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try {
      if (Files.isDirectory(classes)) {
        try (Stream<Path> walk = Files.walk(classes)) {
          for (Path p : walk.filter(Files::isRegularFile).toList()) {
            String name = classes.relativize(p).toString().replace('\\', '/');
            if (hashed(name)) {
              files.put(name, Files.readAllBytes(p));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(classes.toFile())) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            if (!e.isDirectory() && hashed(e.getName())) {
              try (InputStream in = jar.getInputStream(e)) {
                files.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((name, bytes) -> {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
      });
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the observatory's classes at " + classes, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static boolean hashed(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }
}
