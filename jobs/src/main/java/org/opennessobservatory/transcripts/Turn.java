package org.opennessobservatory.transcripts;

/**
 * One speaker turn: from its marker or label to the next one.
 *
 * @param start offset of the turn's first character (its marker or label) in the document text
 * @param end offset just past its last character
 * @param marker how the turn was introduced: ">>", ">", "label" (unmarked, at line start), "inline" (unmarked, mid-line),
 *     or "none" (speech before the first label, or a transcript without labels)
 * @param text the speech, with stage directions, disclaimers, separators and page furniture removed
 * @param words words of {@code text} ({@code WordCounter})
 * @param removedWords words of the non-speech removed from the turn
 */
public record Turn(int start, int end, String marker, SpeakerLabel label, String text, long words,
    int stageDirections, int disclaimers, int furniture, long removedWords) {}
