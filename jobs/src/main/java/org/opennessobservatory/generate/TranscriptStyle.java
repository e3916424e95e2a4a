package org.opennessobservatory.generate;

import java.util.List;
import java.util.Locale;

/**
 * The speaker-turn conventions of published meeting transcripts (TRANSCRIPT-FORMATS.md §1 and §3) a generated
 * transcript is written in: each renders a list of turns (label, speech paragraphs) as the paragraphs of a document.
 * A null label is a turn with no name (a bare marker).
 */
enum TranscriptStyle {
  /** 1a: ">> NAME:" at the start of a paragraph; a turn's later paragraphs carry no marker. */
  MARKER_SPACE,
  /** 1b: ">>NAME:" glued, one turn per paragraph. */
  MARKER_GLUED,
  /** 1f: "NAME:" in capitals with no marker. */
  CAPITALS,
  /** 1g: "Firstname Lastname:" in mixed case with no marker. */
  MIXED_CASE,
  /** 1h: the label (with its colon) alone on its line, speech on the next lines. */
  LABEL_LINE,
  /** §3: the whole transcript collapsed into one paragraph, ">> NAME:" markers mid-line. */
  COLLAPSED;

  record Turn(String label, List<String> paragraphs) {}

  /** IGF's captioning disclaimer, which the segmenter removes from the counted text. */
  static final String DISCLAIMER = "The following are the outputs of the real-time captioning taken during an IGF "
      + "session. Although it is largely accurate, in some cases it may be incomplete or inaccurate due to "
      + "inaudible passages or transcription errors. It is posted as an aid, but should not be treated as an "
      + "authoritative record.";

  List<String> render(List<Turn> turns) {
    List<String> out = new java.util.ArrayList<>();
    out.add(DISCLAIMER);
    StringBuilder collapsed = new StringBuilder();
    for (Turn t : turns) {
      String first = t.paragraphs().get(0);
      String upper = t.label() == null ? null : t.label().toUpperCase(Locale.ROOT);
      switch (this) {
        case MARKER_SPACE -> {
          out.add(upper == null ? ">> " + first : ">> " + upper + ": " + first);
          out.addAll(t.paragraphs().subList(1, t.paragraphs().size()));
        }
        case MARKER_GLUED -> out.add((upper == null ? ">>" : ">>" + upper + ": ") + String.join(" ", t.paragraphs()));
        case CAPITALS -> out.add((upper == null ? "" : upper + ": ") + String.join(" ", t.paragraphs()));
        case MIXED_CASE -> out.add((t.label() == null ? "" : t.label() + ": ") + String.join(" ", t.paragraphs()));
        case LABEL_LINE -> out.add((upper == null ? "" : upper + ":\n") + String.join("\n", t.paragraphs()));
        case COLLAPSED -> collapsed.append(collapsed.isEmpty() ? "" : " ")
            .append(upper == null ? ">> " : ">> " + upper + ": ").append(String.join(" ", t.paragraphs()));
      }
    }
    if (this == COLLAPSED) {
      out.add(collapsed.toString());
    }
    return out;
  }
}
