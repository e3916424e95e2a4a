package org.opennessobservatory.ingest;

import java.util.Map;

/**
 * What an ingest run did, for the console and the run manifest.
 *
 * @param fingerprint the corpus fingerprint of {@link IngestJob#fingerprint}
 * @param manifestRowsWithoutFile manifest paths that no listed file matches (listed for the user to fix)
 * @param reusedParses documents whose parse an incremental run took from an earlier run (0 for a full run)
 */
public record IngestSummary(
    String corpus,
    String manifest,
    long files,
    long bytes,
    long documents,
    long rejects,
    Map<String, Long> documentsByType,
    Map<String, Long> rejectsByReason,
    long manifestRows,
    java.util.List<String> manifestRowsWithoutFile,
    String fingerprint,
    long reusedParses) {}
