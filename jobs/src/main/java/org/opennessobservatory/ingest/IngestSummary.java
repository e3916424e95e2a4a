package org.opennessobservatory.ingest;

import java.util.Map;

/**
 * What an ingest run did, for the console and the run manifest.
 *
 * @param fingerprint the corpus fingerprint of {@code IngestJob.Counts}: SHA-256 of each line
 *     "rel_path TAB size TAB doc_id", summed modulo 2^256
 * @param files files the listing found; {@code files + manifestRowsWithoutFile = documents + rejects}
 * @param manifestRowsWithoutFile manifest rows naming no listed file, each a reject ({@code manifest_file_missing},
 *     {@code outside_corpus})
 * @param manifestRowsInvalid manifest rows with a faulty value: their files are {@code manifest_invalid} rejects
 *     (unless the listing refused them first), a row naming no file is counted in {@code manifestRowsWithoutFile}
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
    long manifestRowsWithoutFile,
    long manifestRowsInvalid,
    String fingerprint,
    long reusedParses) {}
