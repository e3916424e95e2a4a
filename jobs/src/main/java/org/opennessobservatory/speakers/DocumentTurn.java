package org.opennessobservatory.speakers;

import java.io.Serializable;

/** What resolution reads of one utterance: its label as the segmenter read it, and its text. */
public record DocumentTurn(int turnIndex, String role, String labelRaw, String speakerName, String title,
    String organisation, String text) implements Serializable {}
