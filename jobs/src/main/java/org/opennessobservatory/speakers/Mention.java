package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.List;

/**
 * Who one turn's speaker is said to be, before names are linked across documents.
 *
 * @param name the person's name, or null when nothing names them
 * @param nameSource {@code label}, {@code self_introduction}, or {@code role_in_document} (an unnamed role label —
 *     MODERATOR — whose holder introduced themself in another turn of the document)
 * @param organisationSource {@code label} or {@code self_introduction}
 * @param genderCues forms of address that state this speaker's gender
 */
public record Mention(int turnIndex, String name, String nameSource, String organisation, String organisationSource,
    List<GenderCue> genderCues) implements Serializable {

  /** "Ms. Okafor", "MR. MENSAH:", "Madam Chair": a gender the transcript states, and where it states it. */
  public record GenderCue(Gender gender, String source) implements Serializable {
    public static final String LABEL = "form_of_address_label";
    public static final String SPEECH = "form_of_address_speech";
  }
}
