package org.opennessobservatory.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * One validated row of {@code manifest.csv}: known columns (blank cells absent) and any other columns kept as extra
 * metadata. {@code line} is the CSV record's line number, for messages.
 */
public record ManifestEntry(long line, Map<String, String> values, Map<String, String> extra)
    implements Serializable {

  public String get(String column) {
    return values.get(column);
  }
}
