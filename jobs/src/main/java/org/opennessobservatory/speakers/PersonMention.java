package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.List;

/** One turn of a person, after linking: what profiles are built from. */
public record PersonMention(String docId, String forum, Integer year, int turnIndex, long words, String name,
    String organisation, String organisationSource, List<String> genderCues, String linkMethod, double linkScore,
    List<IdentityLinker.Candidate> candidates) implements Serializable {}
