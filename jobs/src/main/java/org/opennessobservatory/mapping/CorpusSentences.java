package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.ParseResult;
import org.opennessobservatory.ingest.TikaExtraction;

/**
 * The sentences of a corpus's files by the SHA-256 of their text, for gold labels that name a sentence without
 * holding it ({@link IssueGoldFile}): each file is extracted as ingest extracts it (Tika, ingest's default limits) and
 * cut into sentences by stage issues' OpenNLP sentence model, once. The parse runs in this process, not in ingest's
 * killable worker: the corpus is one the labels were made on, not arbitrary input.
 */
final class CorpusSentences {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");

  private final Path corpus;
  private final Map<String, Map<String, String>> byFile = new HashMap<>();

  CorpusSentences(Path corpus) {
    this.corpus = corpus.toAbsolutePath().normalize();
  }

  /**
   * The sentence of {@code source} whose SHA-256 begins with the 16 hex digits {@code sha256}; {@code at} names the
   * label's line for messages.
   */
  String find(String source, String sha256, String at) {
    if (!HASH.matcher(sha256).matches()) {
      throw new UserException(at + ": sha256 '" + sha256 + "' is not the first 16 hex digits (lower case) of a "
          + "sentence's SHA-256");
    }
    Path file = corpus.resolve(source).normalize();
    if (Path.of(source).isAbsolute() || !file.startsWith(corpus)) {
      throw new UserException(at + ": source '" + source + "' is not a path inside the corpus folder " + corpus);
    }
    String sentence = byFile.computeIfAbsent(source, s -> read(file, at)).get(sha256);
    if (sentence == null) {
      throw new UserException(at + ": no sentence of " + file + " has the SHA-256 prefix " + sha256 + ": the labels "
          + "were made on another version of the file, or of Tika or the sentence model");
    }
    return sentence;
  }

  private static Map<String, String> read(Path file, String at) {
    byte[] bytes;
    try {
      if (Files.size(file) > ParseLimits.DEFAULTS.maxFileBytes()) {
        throw new UserException(at + ": " + file + " is larger than ingest's limit of "
            + ParseLimits.DEFAULTS.maxFileBytes() + " bytes; label sentences of files ingest reads");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserException(at + ": " + file + " cannot be read (" + e.getMessage() + "); give the corpus the "
          + "labels were made on with --corpus");
    }
    ParseResult parsed = TikaExtraction.extract(bytes, file.getFileName().toString(),
        ParseLimits.DEFAULTS.maxChars(), ParseLimits.DEFAULTS.maxEmbedded(), null);
    if (!parsed.ok()) {
      throw new UserException(at + ": Tika could not extract " + file + " (" + parsed.reject() + ": "
          + parsed.message() + "); label sentences of files ingest reads");
    }
    Map<String, String> sentences = new HashMap<>();
    for (String sentence : Lemmas.sentences(parsed.text() == null ? "" : parsed.text())) {
      sentences.put(prefix(sentence), sentence);
    }
    return sentences;
  }

  /** The first 16 hex digits of a sentence's SHA-256 (of its UTF-8 bytes). */
  static String prefix(String sentence) {
    return DigestUtils.sha256Hex(sentence).substring(0, 16);
  }
}
