package org.opennessobservatory.ingest;

import java.util.List;
import java.util.Set;

/** The columns of a corpus {@code manifest.csv} (DESIGN.md §4) and their allowed values. */
public final class ManifestColumns {
  private ManifestColumns() {}

  public static final String PATH = "path";
  public static final String FORUM = "forum";
  public static final String FORUM_LEVEL = "forum_level";
  public static final String EVENT = "event";
  public static final String YEAR = "year";
  public static final String SESSION_ID = "session_id";
  public static final String SESSION_TITLE = "session_title";
  public static final String SESSION_TYPE = "session_type";
  public static final String DATE = "date";
  public static final String DOC_TYPE = "doc_type";
  public static final String LANGUAGE = "language";
  public static final String PUBLISHED_ON = "published_on";
  public static final String AUTHOR = "author";
  public static final String AUTHOR_STAKEHOLDER_GROUP = "author_stakeholder_group";
  public static final String AUTHOR_COUNTRY = "author_country";
  public static final String URL = "url";
  /** Not in DESIGN.md's list but needed by importers whose sources carry a title apart from the file. */
  public static final String TITLE = "title";
  public static final String AUTHOR_ORGANISATION = "author_organisation";

  /** Known columns in the order a writer should emit them. Any other column is kept as extra metadata. */
  public static final List<String> ALL = List.of(PATH, FORUM, FORUM_LEVEL, EVENT, YEAR, SESSION_ID, SESSION_TITLE,
      SESSION_TYPE, DATE, DOC_TYPE, LANGUAGE, PUBLISHED_ON, TITLE, AUTHOR, AUTHOR_ORGANISATION,
      AUTHOR_STAKEHOLDER_GROUP, AUTHOR_COUNTRY, URL);

  public static final Set<String> FORUM_LEVELS = Set.of("global", "regional", "national", "youth", "other");

  public static final Set<String> DOC_TYPES = Set.of("transcript", "session_report", "agenda", "programme",
      "outcome", "contribution", "announcement", "other");

  public static final Set<String> STAKEHOLDER_GROUPS = Set.of("government", "civil_society", "private_sector",
      "technical_community", "academia", "intergovernmental", "other", "unknown");
}
