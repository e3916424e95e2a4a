package org.opennessobservatory.ingest;

import static org.opennessobservatory.ingest.ManifestColumns.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opennessobservatory.nlp.LanguageIdentifier;

/**
 * A document's metadata, resolved field by field: the manifest first, then the path, then the parsed content.
 * Each field that did not come from the manifest is named in {@code inferredFields}.
 */
public record DocumentMetadata(
    String forum,
    String forumLevel,
    String event,
    Integer year,
    String sessionId,
    String sessionTitle,
    String sessionType,
    LocalDate date,
    String docType,
    String language,
    Double languageConfidence,
    String languageSource,
    LocalDate publishedOn,
    String title,
    String author,
    String authorOrganisation,
    String authorStakeholderGroup,
    String authorCountry,
    String url,
    String metadataSource,
    List<String> inferredFields,
    Map<String, String> extra) {

  /** Forum and year of a file, also for rejects: manifest, else path, else {@link Forums#UNKNOWN} and null. */
  public static String forumOf(String relPath, ManifestEntry entry) {
    String forum = entry == null ? null : entry.get(FORUM);
    if (forum == null) {
      forum = MetadataInference.fromPath(relPath).forum();
    }
    return forum == null ? Forums.UNKNOWN : forum;
  }

  public static Integer yearOf(String relPath, ManifestEntry entry) {
    String year = entry == null ? null : entry.get(YEAR);
    return year != null ? Integer.valueOf(year) : MetadataInference.fromPath(relPath).year();
  }

  /**
   * @param entry the manifest row, or null when the file is not listed
   * @param parsed a successful parse of the file
   */
  public static DocumentMetadata resolve(String relPath, ManifestEntry entry, ParseResult parsed) {
    Map<String, String> m = entry == null ? Map.of() : entry.values();
    List<String> inferred = new ArrayList<>();
    String fileName = CorpusPaths.fileName(relPath);

    String forum = forumOf(relPath, entry);
    if (!m.containsKey(FORUM)) {
      inferred.add(FORUM);
    }
    String forumLevel = m.get(FORUM_LEVEL);
    if (forumLevel == null) {
      forumLevel = Forums.levelOf(forum);
      inferred.add(FORUM_LEVEL);
    }
    Integer year = yearOf(relPath, entry);
    if (year == null) {
      year = yearOfTimestamp(parsed.created());
    }
    if (!m.containsKey(YEAR) && year != null) {
      inferred.add(YEAR);
    }
    String docType = m.get(DOC_TYPE);
    if (docType == null) {
      docType = MetadataInference.docTypeFromName(fileName);
      if (docType == null) {
        docType = MetadataInference.looksLikeTranscript(parsed.text()) ? "transcript" : "other";
      }
      inferred.add(DOC_TYPE);
    }
    String sessionId = m.get(SESSION_ID);
    if (sessionId == null && ("transcript".equals(docType) || "session_report".equals(docType))) {
      sessionId = MetadataInference.sessionIdFromName(fileName);
      inferred.add(SESSION_ID);
    }
    String title = m.get(TITLE);
    if (title == null) {
      title = parsed.title() != null ? parsed.title() : fileName;
      inferred.add(TITLE);
    }
    String author = m.get(AUTHOR);
    if (author == null && parsed.author() != null) {
      author = parsed.author();
      inferred.add(AUTHOR);
    }
    String language = m.get(LANGUAGE);
    Double confidence = null;
    String languageSource = "manifest";
    if (language == null) {
      LanguageIdentifier.Guess guess = LanguageIdentifier.identify(parsed.text());
      language = guess == null ? null : guess.code();
      confidence = guess == null ? null : guess.confidence();
      languageSource = guess == null ? "unknown" : "detected";
      inferred.add(LANGUAGE);
    }
    return new DocumentMetadata(forum, forumLevel, m.get(EVENT), year, sessionId, m.get(SESSION_TITLE),
        m.get(SESSION_TYPE), date(m.get(DATE)), docType, language, confidence, languageSource,
        date(m.get(PUBLISHED_ON)), title, author, m.get(AUTHOR_ORGANISATION), m.get(AUTHOR_STAKEHOLDER_GROUP),
        m.get(AUTHOR_COUNTRY), m.get(URL), entry == null ? "inferred" : "manifest", List.copyOf(inferred),
        entry == null ? Map.of() : entry.extra());
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  /** The year of a Tika date ("2023-05-02T10:00:00Z"), when it is a plausible meeting year. */
  static Integer yearOfTimestamp(String timestamp) {
    if (timestamp == null || timestamp.length() < 4 || !timestamp.substring(0, 4).matches("\\d{4}")) {
      return null;
    }
    int year = Integer.parseInt(timestamp.substring(0, 4));
    return Forums.plausibleYear(year) ? year : null;
  }

  /** A Tika date as an instant, or null when it is absent or not ISO 8601. */
  public static java.sql.Timestamp timestamp(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return java.sql.Timestamp.from(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return java.sql.Timestamp.from(java.time.LocalDateTime.parse(iso).toInstant(java.time.ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
