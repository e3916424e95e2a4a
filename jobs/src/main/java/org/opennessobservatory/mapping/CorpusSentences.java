package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.ParseResult;
import org.opennessobservatory.ingest.TikaExtraction;

/**
 * The sentences of a corpus's files by the SHA-256 of their text, for gold labels that name a sentence without
 * holding it ({@link IssueGoldFile}): each file is extracted as ingest extracts it and cut into sentences as stage
 * issues cuts a text, once.
 */
final class CorpusSentences {
  private final Path corpus;
  private final Map<String, Map<String, String>> byFile = new HashMap<>();

  CorpusSentences(Path corpus) {
    this.corpus = corpus;
  }

  /** The sentence of {@code source} whose SHA-256 starts with {@code sha256}; {@code at} names the label's line. */
  String find(String source, String sha256, String at) {
    Map<String, String> sentences = byFile.computeIfAbsent(source, s -> read(s, at));
    String sentence = sentences.get(sha256);
    if (sentence == null) {
      throw new UserException(at + ": no sentence of " + corpus.resolve(source) + " has the SHA-256 prefix " + sha256
          + ": the labels were made on another version of the corpus");
    }
    return sentence;
  }

  private Map<String, String> read(String source, String at) {
    Path file = corpus.resolve(source);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserException(at + ": " + file + " cannot be read (" + e.getMessage() + "); give the corpus the "
          + "labels were made on with --corpus");
    }
    ParseResult parsed = TikaExtraction.extract(bytes, file.getFileName().toString(),
        ParseLimits.DEFAULTS.maxChars(), ParseLimits.DEFAULTS.maxEmbedded(), null);
    Map<String, String> sentences = new HashMap<>();
    for (String sentence : Lemmas.sentences(parsed.text() == null ? "" : parsed.text())) {
      sentences.put(prefix(sentence), sentence);
    }
    return sentences;
  }

  /** The first 16 hex digits of a sentence's SHA-256 (of its UTF-8 bytes). */
  static String prefix(String sentence) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(sentence.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
